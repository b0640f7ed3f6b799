package org.securebase.application;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.securebase.domain.account.Account;

/** Texts of outgoing mail, from the application's own bundle ({@code org/securebase/application/mail}). */
public final class MailTexts {

    static final String NAME = "org.securebase.application.mail";

    private MailTexts() {
    }

    /** The text in the recipient's language (their chosen one, else English). */
    public static String text(Account recipient, String key, Object... args) {
        Locale locale = recipient == null ? Locale.ENGLISH : recipient.preferredLocale().orElse(Locale.ENGLISH);
        return new MessageFormat(ResourceBundle.getBundle(NAME, locale).getString(key), locale).format(args);
    }
}
