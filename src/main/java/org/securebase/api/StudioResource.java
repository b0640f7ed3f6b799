package org.securebase.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.securebase.application.CurrentUser;
import org.securebase.application.studio.StudioService;
import org.securebase.domain.module.ContentVersion;

/**
 * The studio's autosave: an author's module text, saved on the revision the browser last saw. The answer carries the
 * validator's problems (by line) and the questions' cues, so the editor shows them beside the lines as the author
 * types. A save on an older revision is refused with the stored text (409), never applied. JSON only, which a
 * cross-site form cannot send.
 */
@Path("studio")
@Produces(MediaType.APPLICATION_JSON)
public class StudioResource {

    /** The body of an autosave: the module file's text and the revision it was written on. */
    public record DraftRequest(String source, long revision) {
    }

    @Inject
    private StudioService studio;

    @Inject
    private CurrentUser currentUser;

    /** A module's file, as published: the shared library's, or the author's school's (the newest, or ?version=). */
    @GET
    @Path("modules/{slug}/file")
    @Produces("application/yaml; charset=UTF-8")
    public Response file(@PathParam("slug") String slug, @QueryParam("version") Integer version) {
        ContentVersion published = studio.export(currentUser.require(), slug, version);
        return Response.ok(published.getSource()).header("Content-Disposition", "attachment; filename=\""
                + published.getSlug() + ".yaml\"").build();
    }

    @PUT
    @Path("drafts/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> save(@PathParam("slug") String slug, DraftRequest request,
            @Context HttpHeaders headers) {
        if (request == null || request.source() == null) {
            throw new BadRequestException();
        }
        StudioService.Draft draft = studio.save(currentUser.require(), slug, request.source(), request.revision());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("revision", draft.revision());
        body.put("savedAt", draft.savedAt().toString());
        body.put("savedBy", draft.savedBy());
        Locale language = language(headers);
        body.put("problems", draft.check().problems().stream()
                .map(p -> Map.<String, Object>of("line", p.line(), "message", p.message(language))).toList());
        body.put("cues", draft.check().cues().stream()
                .map(c -> Map.<String, Object>of("stage", c.stageNumber(), "message", c.message(language))).toList());
        return body;
    }

    /**
     * The language of the problems: the first of the request's languages the application has. The studio's page sends
     * its own ({@code Accept-Language} from the page's {@code lang}), so a person who switched language in the session
     * reads the validator in that language.
     */
    static Locale language(HttpHeaders headers) {
        for (Locale wanted : headers == null ? java.util.List.<Locale>of() : headers.getAcceptableLanguages()) {
            String tag = org.securebase.domain.account.Account.language(wanted.toLanguageTag());
            if (tag != null) {
                return Locale.forLanguageTag(tag);
            }
        }
        return Locale.ENGLISH;
    }
}
