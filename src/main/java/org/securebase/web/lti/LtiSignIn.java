package org.securebase.web.lti;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.securebase.application.Caller;
import org.securebase.application.lti.LaunchTickets;
import org.securebase.web.security.Sessions;

/** Signs a launch's person in with its one-time ticket, in a fresh session. */
final class LtiSignIn {

    private LtiSignIn() {
    }

    static Optional<Caller> signIn(HttpServletRequest request, LaunchTickets tickets, String ticket) {
        Optional<Caller> caller = tickets.spend(ticket);
        caller.ifPresent(c -> Sessions.signInFresh(request, c));
        return caller;
    }
}
