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

    /** A date and time as the recipient reads it: in their time zone (UTC if unknown) and language. */
    public static String when(Account recipient, java.time.Instant instant) {
        Locale locale = recipient == null ? Locale.ENGLISH : recipient.preferredLocale().orElse(Locale.ENGLISH);
        java.time.ZoneId zone = recipient == null ? java.time.ZoneOffset.UTC
                : recipient.zone().orElse(java.time.ZoneOffset.UTC);
        return java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM,
                java.time.format.FormatStyle.SHORT).withLocale(locale).withZone(zone).format(instant)
                + (recipient != null && recipient.zone().isPresent() ? "" : " UTC");
    }
}
