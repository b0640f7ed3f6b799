package org.securebase.web.util;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.securebase.application.CurrentUser;
import org.securebase.domain.account.Account;

/**
 * Date-times as the viewer reads them: in their own time zone (kept on the account; before that, the one their
 * browser reported at sign-in; else UTC), in the page's language. Every time a page shows goes through here.
 */
public final class Times {

    /** The session attribute holding the zone the browser reported at sign-in (an IANA id). */
    public static final String SESSION_ZONE = "securebase.zone";

    private Times() {
    }

    /** The viewer's time zone. */
    public static ZoneId zone() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            ZoneId own = CDI.current().select(CurrentUser.class).get().account().flatMap(Account::zone).orElse(null);
            if (own != null) {
                return own;
            }
        } catch (IllegalStateException e) {
            // No CDI request context (a unit test): the session and UTC remain.
        }
        if (faces != null && faces.getExternalContext().getRequest() instanceof HttpServletRequest request) {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(SESSION_ZONE) instanceof String id) {
                return Account.zoneOf(id).orElse(ZoneOffset.UTC);
            }
        }
        return ZoneOffset.UTC;
    }

    /** A date and time of day (1 Dec 2026, 20:52), in the viewer's zone and language. */
    public static String when(Instant instant) {
        return format(instant, FormatStyle.MEDIUM, FormatStyle.SHORT);
    }

    /** A day (1 Dec 2026), in the viewer's zone and language. */
    public static String day(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale())
                .withZone(zone()).format(instant);
    }

    /** A time of day only (20:52). */
    public static String time(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale())
                .withZone(zone()).format(instant);
    }

    public static String format(Instant instant, FormatStyle date, FormatStyle time) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(date, time).withLocale(locale())
                .withZone(zone()).format(instant);
    }

    private static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces != null && faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.ENGLISH;
    }
}
