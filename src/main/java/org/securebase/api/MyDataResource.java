package org.securebase.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.securebase.application.CurrentUser;
import org.securebase.application.SelfRatingService;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Role;
import org.securebase.infrastructure.scoring.CsvCells;

/** The signed-in student's own data as files they can keep. */
@Path("me")
public class MyDataResource {

    @Inject
    private SelfRatingService ratings;

    @Inject
    private CurrentUser currentUser;

    /** GET /api/me/session: 200 while signed in (401 otherwise, from the filter): whether the cookie holds. */
    @GET
    @Path("session")
    @Produces("application/json")
    public Map<String, Object> session() {
        return Map.of("signedIn", true);
    }

    /** GET /api/me/self-ratings.csv: every submitted answer and score, safe to open in a spreadsheet. */
    @GET
    @Path("self-ratings.csv")
    @Produces("text/csv")
    public Response selfRatings() {
        if (!currentUser.hasRole(Role.STUDENT)) {
            throw new NotFoundException("only students have self-ratings");
        }
        List<List<String>> rows = ratings.exportRows(currentUser.require());
        StreamingOutput body = out -> {
            try (CSVPrinter printer = CSVFormat.DEFAULT.print(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                for (List<String> row : rows) {
                    printer.printRecord(row.stream().map(CsvCells::safe).toList());
                }
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"my-self-ratings.csv\"").build();
    }
}
