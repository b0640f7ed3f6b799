package org.securebase.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code PUT /api/session/ping}: a keep-alive for a signed-in page (the request itself keeps the session from
 * timing out) that does nothing else. It passes every check an autosave passes (signed-in session, same origin, a
 * JSON body) and answers 204, so it is also the framework's floor that {@code scripts/bench} measures autosave
 * against.
 */
@Path("session/ping")
public class SessionResource {

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response ping() {
        return Response.noContent().build();
    }
}
