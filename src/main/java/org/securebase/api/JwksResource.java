package org.securebase.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.securebase.application.lti.ToolKeyService;

/** GET /api/lti/jwks: the tool's public keys, for platforms to verify what the tool signs. Public by design. */
@Path("lti/jwks")
public class JwksResource {

    @Inject
    private ToolKeyService keys;

    @GET
    @Produces("application/json")
    public Response jwks() {
        return Response.ok(keys.publicJwks()).header("Cache-Control", "max-age=300").build();
    }
}
