package org.securebase.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.securebase.infrastructure.content.ContentImporter;
import org.securebase.infrastructure.persistence.DatabaseMigration;

/** GET /api/health: UP (200) only when the database is migrated and at least one module is loaded; else 503. */
@Path("health")
public class HealthResource {

    @EJB
    private DatabaseMigration migration;

    @EJB
    private ContentImporter content;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        boolean migrated = migration.isMigrated();
        int modules = content.currentModules();
        boolean up = migrated && modules > 0;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("database", migrated ? "migrated" : "not migrated");
        body.put("modules", modules);
        body.put("instruments", content.instruments().size());
        body.put("curricula", content.curricula().size());
        body.put("rubrics", content.rubrics().size());
        body.put("contentProblems", content.problems().size());
        return Response.status(up ? 200 : 503).entity(body).build();
    }
}
