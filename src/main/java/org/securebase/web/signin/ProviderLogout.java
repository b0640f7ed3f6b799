package org.securebase.web.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * The provider's sign-out address of a session signed in through it: kept at sign-in, taken at sign-out, then
 * kept once more in the new (signed-out) session for {@code /signed-out.xhtml}, which sends the browser there.
 * (A redirect straight from the sign-out form would break the pages' CSP {@code form-action 'self'}.)
 */
public final class ProviderLogout {

    static final String ATTRIBUTE = "securebase.oidc.logout";
    static final String NEXT = "securebase.oidc.logoutNext";

    private ProviderLogout() {
    }

    static void remember(HttpServletRequest request, String uri) {
        if (uri == null) {
            request.getSession().removeAttribute(ATTRIBUTE);
        } else {
            request.getSession().setAttribute(ATTRIBUTE, uri);
        }
    }

    /** The provider's sign-out address of this session, if it was signed in through one. */
    public static Optional<String> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof String uri ? Optional.of(uri)
                : Optional.empty();
    }

    /** After the session has ended: the address {@code /signed-out.xhtml} sends the browser to, once. */
    public static void next(HttpServletRequest request, String uri) {
        request.getSession(true).setAttribute(NEXT, uri);
    }

    /** The address left by {@link #next}, taken. */
    public static Optional<String> takeNext(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(NEXT) instanceof String uri)) {
            return Optional.empty();
        }
        session.removeAttribute(NEXT);
        return Optional.of(uri);
    }
}
