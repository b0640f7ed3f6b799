package org.securebase.web.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.securebase.application.signin.PendingSignIn;

/**
 * The sign-ins of this browser waiting for the provider's answer, in its session, by state: a few at a time
 * (several tabs), each taken out once, so a replayed answer finds nothing.
 */
final class PendingSignIns {

    static final String ATTRIBUTE = "securebase.oidc.pending";
    private static final int MAX = 5;

    private PendingSignIns() {
    }

    static void add(HttpServletRequest request, PendingSignIn pending) {
        HttpSession session = request.getSession(true);
        synchronized (session.getId().intern()) {
            LinkedHashMap<String, PendingSignIn> map = map(session);
            map.put(pending.state(), pending);
            while (map.size() > MAX) {
                map.remove(map.keySet().iterator().next());
            }
            session.setAttribute(ATTRIBUTE, map);
        }
    }

    static Optional<PendingSignIn> take(HttpServletRequest request, String state) {
        HttpSession session = request.getSession(false);
        if (session == null || state == null) {
            return Optional.empty();
        }
        synchronized (session.getId().intern()) {
            LinkedHashMap<String, PendingSignIn> map = map(session);
            PendingSignIn pending = map.remove(state);
            session.setAttribute(ATTRIBUTE, map);
            return Optional.ofNullable(pending);
        }
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashMap<String, PendingSignIn> map(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof Map<?, ?> map
                ? new LinkedHashMap<>((Map<String, PendingSignIn>) map) : new LinkedHashMap<>();
    }
}
