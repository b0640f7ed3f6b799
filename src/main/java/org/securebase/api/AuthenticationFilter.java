package org.securebase.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.securebase.application.CurrentUser;

/**
 * Every API call but the health check and the tool's public keys needs a signed-in session. Without one the answer is 401 JSON, so the
 * reflection page can tell "session expired" from any other failure and keep the student's text.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    @Inject
    private CurrentUser currentUser;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("health") || path.startsWith("lti/jwks")) {
            return;
        }
        if (currentUser.account().isEmpty()) {
            request.abortWith(Response.status(401).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("reason", "notSignedIn")).build());
        }
    }
}
