package org.securebase.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.securebase.application.CurrentUser;
import org.securebase.application.ReflectionService;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.reflection.Reflection;
import org.securebase.domain.reflection.ReflectionVersion;

/**
 * A student's own reflections: autosave of drafts, submission, reading back. JSON bodies only, which a
 * cross-site form cannot send, and the session cookie is SameSite.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class ReflectionResource {

    /** The body of an autosave: the text and the revision the browser last saw (0 when it saw none). */
    public record DraftRequest(String text, long revision) {
    }

    @Inject
    private ReflectionService reflections;

    @Inject
    private CurrentUser currentUser;

    @PUT
    @Path("modules/{slug}/reflection/drafts/{promptId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> saveDraft(@PathParam("slug") String slug, @PathParam("promptId") String promptId,
            DraftRequest request) {
        if (request == null) {
            throw new BadRequestException();
        }
        ReflectionService.Saved saved = reflections.saveDraft(student(), slug, promptId, request.text(),
                request.revision());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reflection", saved.reflectionId());
        body.put("promptId", saved.promptId());
        body.put("revision", saved.revision());
        body.put("savedAt", saved.savedAt().toString());
        return body;
    }

    @POST
    @Path("modules/{slug}/reflection/submission")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("slug") String slug) {
        ReflectionVersion version = reflections.submit(student(), slug);
        return Response.ok(Map.of("version", version.getNumber(), "submittedAt", version.getSubmittedAt().toString()))
                .build();
    }

    @GET
    @Path("reflections/{id}")
    public Map<String, Object> get(@PathParam("id") long id) {
        Reflection reflection = reflections.getOwn(student(), id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", reflection.getId());
        body.put("module", reflection.getSlug());
        body.put("status", reflection.getStatus().name());
        List<Map<String, Object>> versions = reflection.getVersions().stream().map(v -> Map.<String, Object>of(
                "number", v.getNumber(), "submittedAt", v.getSubmittedAt().toString(), "answers", v.getAnswers()))
                .toList();
        body.put("versions", versions);
        return body;
    }

    private Account student() {
        if (!currentUser.hasRole(Role.STUDENT)) {
            throw new NotFoundException("only students have reflections");
        }
        return currentUser.require();
    }
}
