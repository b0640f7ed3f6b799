package org.securebase.application;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Texts of outgoing mail, from the application's own bundle ({@code org/securebase/application/mail}). */
public final class MailTexts {

    static final String NAME = "org.securebase.application.mail";

    private MailTexts() {
    }

    public static String text(String key, Object... args) {
        Locale locale = Locale.ENGLISH;
        return new MessageFormat(ResourceBundle.getBundle(NAME, locale).getString(key), locale).format(args);
    }
}
