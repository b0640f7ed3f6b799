package org.securebase.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Locale;
import org.omnifaces.util.Faces;
import org.securebase.application.AccountService;
import org.securebase.application.CurrentUser;
import org.securebase.domain.account.Account;

/**
 * The language of every page: the one chosen in this session (the switch in the header, or the learning platform's
 * launch), else the one kept on the account, else the best match of the browser's Accept-Language among the
 * languages the application speaks, else English. Dates and numbers follow it.
 */
@Named
@RequestScoped
public class LocaleBacking {

    /** The session attribute holding a language chosen in this session (a BCP 47 tag). */
    public static final String SESSION_LOCALE = "securebase.locale";

    @Inject
    private CurrentUser currentUser;

    @Inject
    private AccountService accounts;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = resolve(Faces.getRequest(), currentUser.account().orElse(null));
        }
        return locale;
    }

    static Locale resolve(HttpServletRequest request, Account account) {
        HttpSession session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(SESSION_LOCALE);
        if (chosen instanceof String tag && Account.language(tag) != null) {
            return Locale.forLanguageTag(Account.language(tag));
        }
        if (account != null && account.preferredLocale().isPresent()) {
            return account.preferredLocale().get();
        }
        for (Locale wanted : Collections.list(request.getLocales())) {
            String tag = Account.language(wanted.toLanguageTag());
            if (tag != null) {
                return Locale.forLanguageTag(tag);
            }
        }
        return Locale.ENGLISH;
    }

    /** The language tag for the page's {@code lang} attribute. */
    public String getLanguageTag() {
        return getLocale().toLanguageTag();
    }

    /** The other language the switch offers. */
    public String getOther() {
        return Account.LANGUAGES.stream().filter(t -> !t.equals(Account.language(getLanguageTag()))).findFirst()
                .orElse(Account.LANGUAGES.get(0));
    }

    /** Switches the language for this session and, when signed in, for the account; back to the same page. */
    public void use(String tag) {
        String language = Account.language(tag);
        if (language == null) {
            return;
        }
        Faces.getRequest().getSession().setAttribute(SESSION_LOCALE, language);
        currentUser.account().ifPresent(a -> accounts.chooseLanguage(a, language));
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = Faces.getRequest();
        String query = request.getQueryString();
        Faces.redirect(request.getRequestURI().substring(request.getContextPath().length() + 1)
                + (query == null ? "" : "?" + query));
        faces.responseComplete();
    }
}
