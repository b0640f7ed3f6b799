package org.securebase.web.util;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** UI text from the resource bundle, and Faces messages made from it. */
public final class Bundle {

    public static final String NAME = "org.securebase.web.messages";

    private Bundle() {
    }

    public static String text(String key, Object... args) {
        return text(locale(), key, args);
    }

    /** The language of the page being rendered (English outside a page). */
    public static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces != null && faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.ENGLISH;
    }

    public static String text(Locale locale, String key, Object... args) {
        try {
            String pattern = ResourceBundle.getBundle(NAME, locale).getString(key);
            // A text without placeholders is used as written, so its apostrophes survive.
            return args.length == 0 || !pattern.contains("{") ? pattern
                    : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }

    public static void error(String key, Object... args) {
        add(FacesMessage.SEVERITY_ERROR, key, args);
    }

    public static void info(String key, Object... args) {
        add(FacesMessage.SEVERITY_INFO, key, args);
    }

    public static void warn(String key, Object... args) {
        add(FacesMessage.SEVERITY_WARN, key, args);
    }

    /**
     * A step of the student's plan that is not open yet: back to the curriculum, which says when it opens, with a
     * message that survives the redirect.
     */
    public static void notYetOpen(org.securebase.domain.curriculum.NotReleased refused) {
        warn("plan.notReleased", Times.when(refused.releaseAt()));
        org.omnifaces.util.Faces.getFlash().setKeepMessages(true);
        org.omnifaces.util.Faces.redirect("student/index.xhtml");
    }

    private static void add(FacesMessage.Severity severity, String key, Object... args) {
        String text = text(key, args);
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, text));
    }
}
