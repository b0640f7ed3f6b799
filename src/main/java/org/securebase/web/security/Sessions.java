package org.securebase.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.securebase.application.Caller;

/**
 * The signed-in person kept in the HTTP session: set at sign-in (password or LTI launch) under a fresh session id,
 * read by {@link AccessFilter} on every request, gone at sign-out or when the session expires.
 */
public final class Sessions {

    static final String CALLER = "securebase.caller";
    static final String CONTINUE = "securebase.continue";

    private Sessions() {
    }

    public static Optional<Caller> caller(HttpServletRequest request) {
        return caller(request.getSession(false));
    }

    /** The caller of a session (a WebSocket handshake has the session, not a servlet request). */
    public static Optional<Caller> caller(HttpSession session) {
        return session != null && session.getAttribute(CALLER) instanceof Caller caller ? Optional.of(caller)
                : Optional.empty();
    }

    /**
     * Signs the caller in. The session id changes first, so an id planted in the browser before sign-in is
     * worthless afterwards; what the session held (where the person was going) is kept.
     */
    public static void signIn(HttpServletRequest request, Caller caller) {
        if (request.getSession(false) == null) {
            request.getSession(true);
        } else {
            request.changeSessionId();
        }
        request.getSession().setAttribute(CALLER, caller);
    }

    /** Signs in in a session of its own: nothing of a previous person's session in this browser is kept. */
    public static void signInFresh(HttpServletRequest request, Caller caller) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true).setAttribute(CALLER, caller);
    }

    public static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /** Where a person sent to sign in was going (a page of ours), once. */
    public static Optional<String> takeContinue(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(CONTINUE) instanceof String target)) {
            return Optional.empty();
        }
        session.removeAttribute(CONTINUE);
        return Optional.of(target);
    }
}
