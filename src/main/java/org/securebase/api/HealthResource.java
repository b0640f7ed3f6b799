package org.securebase.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.securebase.application.content.ContentCatalog;
import org.securebase.application.content.ContentSnapshot;
import org.securebase.infrastructure.persistence.DatabaseMigration;

/** GET /api/health: UP (200) only when the database is migrated and at least one module is loaded; else 503. */
@Path("health")
public class HealthResource {

    @Inject
    private DatabaseMigration migration;

    @Inject
    private ContentCatalog catalog;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        boolean migrated = migration.isMigrated();
        ContentSnapshot content = catalog.snapshot();
        int modules = content.modules();
        boolean up = migrated && modules > 0;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("database", migrated ? "migrated" : "not migrated");
        body.put("modules", modules);
        body.put("instruments", content.instruments().size());
        body.put("curricula", content.curricula().size());
        body.put("rubrics", content.rubrics().size());
        body.put("contentProblems", content.problems());
        return Response.status(up ? 200 : 503).entity(body).build();
    }
}
