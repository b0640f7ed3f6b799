package org.securebase.web.lti;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.securebase.infrastructure.security.LaunchCredential;

/** Signs a launch's person in with its one-time ticket, in a fresh session. */
final class LtiSignIn {

    private LtiSignIn() {
    }

    static boolean signIn(HttpServletRequest request, HttpServletResponse response, SecurityContext security,
            String ticket) {
        if (request.getSession(false) != null) {
            request.getSession().invalidate();
        }
        request.getSession(true);
        return security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new LaunchCredential(ticket)).newAuthentication(true)) == AuthenticationStatus.SUCCESS;
    }
}
