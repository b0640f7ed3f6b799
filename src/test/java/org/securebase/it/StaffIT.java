package org.securebase.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What tutors and school administrators see over real HTTP, on the demo school: Northgate's year 3 cohort (tutor,
 * three students, ten fictional classmates with self-ratings), its year 4 cohort (tutor2, student4) and Eastbridge,
 * another school (admin2).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StaffIT {

    static final String TUTOR = "tutor@demo.securebase.org";
    static final String TUTOR2 = "tutor2@demo.securebase.org";
    static final String ADMIN = "admin@demo.securebase.org";
    static final String ADMIN2 = "admin2@demo.securebase.org";
    static final String STUDENT1 = "student1@demo.securebase.org";

    private static final Pattern COHORT_LINK = Pattern.compile("cohort\\.xhtml\\?id=(\\d+)\"[^>]*>([^<]+)</a>");

    @ArquillianResource
    private URL url;

    private URI base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeEach
    void setUp() throws Exception {
        base = url.toURI();
    }

    private WebClient client() {
        return new WebClient(base);
    }

    /** The id of a cohort, read from the links on a member of staff's home page. */
    private static long cohortId(WebClient staff, String home, String name) {
        Matcher m = COHORT_LINK.matcher(staff.get(home).body());
        while (m.find()) {
            if (m.group(2).strip().equals(name)) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new AssertionError("no link to cohort " + name + " on " + home);
    }

    @Test
    void aTutorSeesTheCohortsSpreadAndChangeButNoStudentAndNoPrivateInstrument() {
        WebClient tutor = client().signIn(TUTOR);
        long year3 = cohortId(tutor, "tutor/index.xhtml", "Year 3 communication block 2026/27");
        HttpResponse<String> page = tutor.get("staff/cohort.xhtml?id=" + year3);
        assertEquals(200, page.statusCode());
        String body = page.body();
        assertTrue(body.contains("Confidence in attachment-informed consultation"));
        assertTrue(body.contains("Empathy in consultation"));
        assertFalse(body.contains("Relational style"), "results private to students are never shown to staff");
        // Ten classmates rated at the start, eight kept going to the end; no names anywhere.
        assertTrue(body.contains("Before you begin: where you are starting from (n = 10)"));
        assertTrue(body.contains("End of the block: looking back (n = 8)"));
        assertTrue(body.matches("(?s).*<td class=\"change\">[+−]\\d\\.\\d\\d \\([+−]\\d\\.\\d\\d to [+−]\\d\\.\\d\\d; "
                + "d_z -?\\d\\.\\d\\d; n = 8\\)</td>.*"), "mean change with its interval over the 8 pairs");
        assertTrue(body.contains("<svg class=\"chart\""));
        for (String name : List.of("Lena Fischer", "Arjun Mehta", "Amara Okafor", "classmate1@")) {
            assertFalse(body.contains(name), name);
        }
        assertFalse(body.contains("id=\"export\""), "only administrators export");
    }

    @Test
    void noOneOutsideTheCohortOrSchoolReachesIt() {
        long year3 = cohortId(client().signIn(TUTOR), "tutor/index.xhtml", "Year 3 communication block 2026/27");
        WebClient tutor2 = client().signIn(TUTOR2);
        long year4 = cohortId(tutor2, "tutor/index.xhtml", "Year 4 general practice placement 2026/27");
        assertEquals(404, tutor2.get("staff/cohort.xhtml?id=" + year3).statusCode(), "another cohort's tutor");
        assertEquals(200, tutor2.get("staff/cohort.xhtml?id=" + year4).statusCode());
        assertEquals(404, client().signIn(ADMIN2).get("staff/cohort.xhtml?id=" + year3).statusCode(),
                "another school's administrator");
        assertEquals(403, client().signIn(STUDENT1).get("staff/cohort.xhtml?id=" + year3).statusCode());
        assertEquals(404, client().signIn(ADMIN).get("staff/cohort.xhtml?id=999999").statusCode());
        assertEquals(404, tutor2.get("staff/cohort.xhtml").statusCode());
    }

    @Test
    void anAdministratorExportsStablePseudonymsAndNothingThatNamesAStudent() {
        WebClient admin = client().signIn(ADMIN);
        long year3 = cohortId(admin, "admin/index.xhtml", "Year 3 communication block 2026/27");
        String path = "staff/cohort.xhtml?id=" + year3;

        HttpResponse<String> first = export(admin, path, year3, "a research key for 2026");
        assertEquals(200, first.statusCode());
        assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String csv = first.body();
        assertTrue(csv.startsWith("pseudonym,curriculum,milestone,perspective,instrument,instrument_version,"
                + "submitted_on,kind,id,value"), csv.substring(0, Math.min(200, csv.length())));
        for (String forbidden : List.of("@", "Lena", "Fischer", "Okafor", "relational-style", "T0", "T1", "T2")) {
            assertFalse(csv.contains(forbidden), forbidden);
        }
        Set<String> pseudonyms = pseudonyms(csv);
        assertEquals(10, pseudonyms.size(), "one pseudonym per student who rated");

        assertEquals(csv, export(admin, path, year3, "a research key for 2026").body(), "same key, same file");
        Set<String> other = pseudonyms(export(admin, path, year3, "a different key, same cohort").body());
        assertEquals(10, other.size());
        other.retainAll(pseudonyms);
        assertTrue(other.isEmpty(), "another key gives unlinkable pseudonyms");

        HttpResponse<String> tooShort = export(admin, path, year3, "short");
        assertTrue(tooShort.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(tooShort.body().contains("at least 12 characters"));
    }

    private static HttpResponse<String> export(WebClient admin, String path, long id, String key) {
        String page = admin.get(path).body();
        return admin.postFaces(path, page, "export", Map.of("id", String.valueOf(id), "export:key", key,
                "export:download", ""));
    }

    private static Set<String> pseudonyms(String csv) {
        Set<String> found = new LinkedHashSet<>();
        for (String line : csv.split("\r?\n")) {
            if (!line.startsWith("pseudonym")) {
                String p = line.substring(0, line.indexOf(','));
                assertTrue(p.matches("P-[0-9a-f]{12}"), line);
                found.add(p);
            }
        }
        assertNotEquals(0, found.size());
        return found;
    }
}
