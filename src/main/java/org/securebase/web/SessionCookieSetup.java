package org.securebase.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie: only the cookie tracks a session (never the URL), script cannot read it (SameSite is added
 * by {@link SameSiteSessionRequest}), and behind HTTPS (SESSION_COOKIE_SECURE=true) it never travels in clear.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        boolean secure = ConfigProvider.getConfig().getOptionalValue("session.cookie.secure", Boolean.class)
                .orElse(false);
        cookie.setSecure(secure);
        String sameSite = ConfigProvider.getConfig().getOptionalValue("session.cookie.samesite", String.class)
                .orElse("Lax");
        if (sameSite.equalsIgnoreCase("None") && !secure) {
            Logger.getLogger(SessionCookieSetup.class.getName()).warning(
                    "SESSION_COOKIE_SAMESITE=None needs SESSION_COOKIE_SECURE=true (HTTPS); using Lax");
            sameSite = "Lax";
        }
        event.getServletContext().setAttribute(SAME_SITE, sameSite.equalsIgnoreCase("None") ? "None" : "Lax");
    }

    /** The context attribute holding the SameSite value for the session cookie: Lax, or None inside LMS frames. */
    static final String SAME_SITE = "securebase.sameSite";
}
