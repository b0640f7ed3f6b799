package org.securebase.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.securebase.application.CurrentUser;
import org.securebase.application.privacy.AnonymisationCheck;

/**
 * The anonymisation check for the editors' script: the signed-in writer posts their text and gets back the likely
 * identifiers with their offsets. Nothing is stored. A POST with a JSON body, which another site's form cannot
 * send; the suggested replacements are page text, so the answer names only the kind of each flag.
 */
@Path("privacy/identifiers")
@Produces(MediaType.APPLICATION_JSON)
public class IdentifierResource {

    /** The text to check. */
    public record CheckRequest(String text) {
    }

    @Inject
    private AnonymisationCheck check;

    @Inject
    private CurrentUser currentUser;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> check(CheckRequest request) {
        if (request == null) {
            throw new BadRequestException();
        }
        List<Map<String, Object>> flags = check.check(currentUser.require(), request.text()).stream()
                .map(i -> Map.<String, Object>of("kind", i.kind().name(), "start", i.start(), "end", i.end(), "text",
                        i.text()))
                .toList();
        return Map.of("identifiers", flags);
    }
}
