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
import org.securebase.application.balint.BalintService;
import org.securebase.application.balint.BalintViews;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.balint.BalintException;
import org.securebase.domain.balint.BalintPost;

/**
 * A Balint session for the people in it: reading it (the live page asks after each push), autosaving a draft and
 * posting it, in the same shapes as the reflection editor's API so that one script drives both. Anyone else gets
 * 404 for every address here, whatever the id.
 */
@Path("balint")
@Produces(MediaType.APPLICATION_JSON)
public class BalintResource {

    /** The one draft a person has in a session, named as the editor's script names a prompt. */
    static final String SLOT = "post";

    @Inject
    private BalintService balint;

    @Inject
    private CurrentUser currentUser;

    @GET
    @Path("sessions/{id}")
    public Map<String, Object> session(@PathParam("id") long id) {
        BalintViews.SessionView view = balint.session(currentUser.require(), id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", view.id());
        body.put("group", view.groupName());
        body.put("number", view.number());
        body.put("phase", view.phase().name());
        body.put("phaseNumber", view.phase().number());
        body.put("closed", view.closed());
        body.put("presenter", view.presenter());
        body.put("mayPost", view.mayPost());
        body.put("posts", view.posts().stream().map(BalintResource::post).toList());
        return body;
    }

    @GET
    @Path("posts/{id}")
    public Map<String, Object> post(@PathParam("id") long id) {
        // The post is found through its session, so the same seat rule decides.
        for (BalintViews.PostView post : balint.sessionOfPost(currentUser.require(), id).posts()) {
            if (post.id() == id) {
                return post(post);
            }
        }
        throw new NotFoundException("balint post " + id);
    }

    @PUT
    @Path("sessions/{id}/drafts/{slot}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response saveDraft(@PathParam("id") long id, @PathParam("slot") String slot,
            ReflectionResource.DraftRequest request) {
        if (!SLOT.equals(slot)) {
            throw new NotFoundException("draft " + slot);
        }
        if (request == null) {
            throw new BadRequestException();
        }
        try {
            BalintViews.Draft saved = balint.saveDraft(currentUser.require(), id, request.text(), request.revision());
            return Response.ok(Map.of("revision", saved.revision(), "savedAt", saved.savedAt().toString())).build();
        } catch (BalintException.Conflict c) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reason", "conflict");
            body.put("text", c.currentText());
            body.put("revision", c.currentRevision());
            body.put("savedAt", c.savedAt() == null ? null : c.savedAt().toString());
            return Response.status(409).entity(body).build();
        } catch (BalintException.Closed e) {
            return Response.status(409).entity(Map.of("reason", "submitted")).build();
        }
    }

    @POST
    @Path("sessions/{id}/submission")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("id") long id) {
        try {
            BalintPost post = balint.submit(currentUser.require(), id);
            return Response.ok(Map.of("post", post.getId(), "phase", post.getPhase().name())).build();
        } catch (BalintException.NotYourTurn | BalintException.Closed | BalintException.NotOpen e) {
            return Response.status(403).entity(Map.of("reason", e.messageKey())).build();
        } catch (BalintException e) {
            if ("balint.error.empty".equals(e.messageKey())) {
                return Response.status(422).entity(Map.of("reason", "tooShort", "prompts", List.of(SLOT))).build();
            }
            throw e;
        }
    }

    private static Map<String, Object> post(BalintViews.PostView p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", p.id());
        body.put("author", p.author());
        body.put("formerMember", p.formerMember());
        body.put("mine", p.mine());
        body.put("phase", p.phase().name());
        body.put("phaseNumber", p.phase().number());
        body.put("closing", p.closing());
        body.put("createdAt", p.createdAt().toString());
        body.put("hidden", p.hidden());
        body.put("hiddenReason", p.hiddenReason());
        body.put("text", p.text());
        return body;
    }
}
