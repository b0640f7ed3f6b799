package org.securebase.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17's portfolio PDF over real HTTP: a trainee with two accepted reflections (one of them returned, revised
 * and accepted) and one still under review picks one of the accepted ones and the mirror; the PDF's text, read
 * with poppler's pdftotext, holds what was chosen and nothing else, with the verification code; the public verify
 * page confirms the code, names the titles and versions but no text, matches the file's SHA-256 (uploaded or
 * pasted) and refuses an altered file; nobody else can make a PDF of the trainee's work or revoke the code (404);
 * once the trainee revokes it, the verify page says so and shows nothing more.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortfolioIT {

    private static final String STUDENT = "student1@demo.securebase.org";
    /**
     * Student 1 with modules no other test class gives them: on PostgreSQL every class shares one database.
     */
    private static final String SEEKING_1 = "I think Ms Review wanted to know that someone would stay with her.";
    private static final String SEEKING_2 = SEEKING_1 + " I felt rushed, and I think she felt it too; ação e reflexão.";
    private static final String NEXT = "I would ask what she fears most, and then wait for the answer.";
    private static final String OTHER = "The unchosen reflection: a quiet man who never asks for anything at all.";
    private static final String PENDING = "Still under review: this text must never reach a portfolio PDF.";
    private static final Pattern CODE = Pattern.compile("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");

    @ArquillianResource
    private URL url;

    private WebClient client() throws Exception {
        return new WebClient(url.toURI());
    }

    private static String draft(String text, long revision) {
        return "{\"text\":" + WebClient.json(text) + ",\"revision\":" + revision + "}";
    }

    private static long submit(WebClient student, String module, String seeking, String next) {
        student.get("student/module.xhtml?module=" + module);
        String api = "api/modules/" + module + "/reflection/drafts/";
        long id = Long.parseLong(student.putJson(api + "seeking", draft(seeking, 0)).body()
                .replaceAll("(?s).*\"reflection\":(\\d+).*", "$1"));
        assertEquals(200, student.putJson(api + "next-words", draft(next, 0)).statusCode());
        assertEquals(200, student.postJson("api/modules/" + module + "/reflection/submission", "{}").statusCode());
        return id;
    }

    private static HttpResponse<String> decide(WebClient tutor, long id, String button, String level, String comment) {
        String path = "tutor/review.xhtml?id=" + id;
        String page = tutor.get(path).body();
        Map<String, String> fields = new LinkedHashMap<>();
        if (level != null) {
            fields.put("decision:level", level);
        }
        fields.put("decision:overall", comment);
        fields.put("decision:" + button, "");
        return tutor.postFaces(path, page, "decision", fields);
    }

    private static HttpResponse<byte[]> makePdf(WebClient student, List<Long> reflections, boolean mirror) {
        String page = student.get("student/portfolio.xhtml").body();
        Map<String, String> fields = new LinkedHashMap<>();
        // One value per name in this helper's map: the first reflection (the test chooses one).
        if (!reflections.isEmpty()) {
            fields.put("reflection", String.valueOf(reflections.get(0)));
        }
        if (mirror) {
            fields.put("mirror", "on");
        }
        fields.put("make:download", "");
        return student.postFacesForBytes("student/portfolio.xhtml", page, "make", fields);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String pdftotext(byte[] pdf) throws Exception {
        Path in = Files.createTempFile("portfolio", ".pdf");
        Path out = Files.createTempFile("portfolio", ".txt");
        Files.write(in, pdf);
        Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", in.toString(), out.toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "pdftotext (Debian poppler-utils): " + said);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> revoke(WebClient student, String code) {
        String page = student.get("student/portfolio.xhtml").body();
        return student.postFaces("student/portfolio.xhtml", page, "issued:0:revoke",
                Map.of("code", code, "issued:0:revoke:revoke-button", ""));
    }

    @Test
    void aTrainesPortfolioHoldsWhatTheyChoseAndItsCodeVerifiesUntilRevoked() throws Exception {
        WebClient student = client().signIn(STUDENT);
        WebClient tutor = client().signIn("tutor@demo.securebase.org");

        long chosen = submit(student, "it-pages", SEEKING_1, NEXT);
        String path = "tutor/review.xhtml?id=" + chosen;
        String page = tutor.get(path).body();
        int start = SEEKING_1.indexOf("someone would stay");
        HttpResponse<String> commented = tutor.postFaces(path, page, "comment", Map.of("comment:prompt", "seeking",
                "comment:quote", "someone would stay", "comment:start", String.valueOf(start), "comment:end",
                String.valueOf(start + "someone would stay".length()), "comment:text", "Who might that someone be?",
                "comment:add", ""));
        assertTrue(commented.body().contains("Comment added"), "comment saved");
        assertEquals(302, decide(tutor, chosen, "return", "thoughtful-action", "Say more about what you felt.")
                .statusCode());
        assertEquals(200, student.putJson("api/modules/it-pages/reflection/drafts/seeking", draft(SEEKING_2, 1))
                .statusCode());
        assertEquals(200, student.postJson("api/modules/it-pages/reflection/submission", "{}").statusCode());
        assertEquals(302, decide(tutor, chosen, "accept", "reflection", "Much deeper: well done.").statusCode());

        long unchosen = submit(student, "it-drafts", OTHER, NEXT);
        assertEquals(302, decide(tutor, unchosen, "accept", "reflection", "Fine.").statusCode());
        submit(student, "it-access", PENDING, NEXT);

        String choices = student.get("student/portfolio.xhtml").body();
        assertTrue(
                choices.contains("Test module it-pages (version 2)")
                        && choices.contains("Test module it-drafts (version 1)"),
                "both accepted reflections are offered");
        assertFalse(choices.contains("Test module it-access"), "one under review is not");

        HttpResponse<byte[]> pdf = makePdf(student, List.of(chosen), true);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        byte[] bytes = pdf.body();
        Path saved = Path.of("target/screenshots/portfolio.pdf");
        Files.createDirectories(saved.getParent());
        Files.write(saved, bytes);
        String text = pdftotext(bytes);
        String flat = text.replaceAll("\\s+", " ");
        assertTrue(flat.contains(SEEKING_2), "the accepted version's text, accents and all:\n" + text);
        assertTrue(flat.contains(NEXT));
        assertTrue(flat.contains("Amara Okafor") && flat.contains("Northgate"), "holder and school");
        assertTrue(flat.contains("Much deeper: well done.") && flat.contains("Who might that someone be?")
                && flat.contains("Say more about what you felt."), "the tutor's comments");
        assertTrue(flat.contains("Version history") && flat.contains("Returned") && flat.contains("Accepted"));
        assertTrue(flat.contains("The private mirror"), "the mirror was chosen");
        assertTrue(flat.contains("Contents") && flat.contains("Page 1 of "), "contents and page numbers");
        assertFalse(flat.contains(OTHER), "an unchosen reflection is absent");
        assertFalse(flat.contains(PENDING), "one under review is absent");
        assertFalse(flat.contains("Self-ratings over the curriculum"), "charts were not chosen");
        Matcher m = CODE.matcher(text);
        assertTrue(m.find(), "a verification code in the PDF");
        String code = m.group();
        assertTrue(flat.contains("verify.xhtml?code=" + code), "with the public address to check it");
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").contains("portfolio-" + code + ".pdf"));

        // The appraiser, with no account.
        WebClient appraiser = client();
        String verify = appraiser.get("verify.xhtml?code=" + code).body();
        assertTrue(verify.contains("Issued and not revoked"), verify);
        assertTrue(verify.contains("Amara Okafor") && verify.contains("Northgate"));
        assertTrue(verify.contains("Reflection: Test module it-pages (version 2)"), "titles and versions");
        assertTrue(verify.contains("The trainee’s private mirror"));
        assertFalse(verify.contains("Test module it-drafts"));
        assertTrue(verify.contains(sha256(bytes)), "the SHA-256 of the bytes handed over");
        assertFalse(verify.contains("someone would stay") || verify.contains("Much deeper"), "never the text");
        assertTrue(appraiser.get("verify.xhtml?code=ZZZZ-ZZZZ-ZZZZ").body().contains("No document was issued"));

        HttpResponse<String> same = appraiser.postMultipartBytes("verify.xhtml", verify, "upload",
                Map.of("code", code, "upload:compare-file", ""), "upload:file", "portfolio.pdf", "application/pdf",
                bytes);
        assertTrue(same.body().contains("This is exactly the document issued under this code."), same.body());
        byte[] altered = bytes.clone();
        altered[altered.length / 2] ^= 1;
        HttpResponse<String> different = appraiser.postMultipartBytes("verify.xhtml", verify, "upload",
                Map.of("code", code, "upload:compare-file", ""), "upload:file", "portfolio.pdf", "application/pdf",
                altered);
        assertTrue(different.body().contains("This is not the document issued under this code"));
        HttpResponse<String> pasted = appraiser.postFaces("verify.xhtml", verify, "hash",
                Map.of("code", code, "hash:sha", sha256(bytes).toUpperCase(), "hash:compare-hash", ""));
        assertTrue(pasted.body().contains("This is exactly the document issued under this code."));

        // Nobody else: a classmate (even one with a code of their own), a tutor, another school's administrator.
        WebClient classmate = client().signIn("student2@demo.securebase.org");
        assertEquals(404, makePdf(classmate, List.of(chosen), false).statusCode(), "not their reflection");
        HttpResponse<byte[]> own = makePdf(classmate, List.of(), true);
        assertEquals(200, own.statusCode(), "the classmate's own mirror-only PDF");
        String ownText = pdftotext(own.body()).replaceAll("\\s+", " ");
        assertTrue(ownText.contains("Tomasz Nowak") && !ownText.contains("someone would stay"));
        assertEquals(404, revoke(classmate, code).statusCode(), "not their code");
        for (String other : List.of("tutor@demo.securebase.org", "admin2@demo.securebase.org")) {
            assertEquals(404, client().signIn(other).get("student/portfolio.xhtml").statusCode(), other);
        }
        assertTrue(appraiser.get("verify.xhtml?code=" + code).body().contains("Issued and not revoked"),
                "their attempts changed nothing");

        // The trainee revokes it: the verify page refuses it from then on.
        HttpResponse<String> revoked = revoke(student, code);
        assertEquals(200, revoked.statusCode());
        assertTrue(revoked.body().contains("Code " + code + " is revoked."), revoked.body());
        String after = appraiser.get("verify.xhtml?code=" + code).body();
        assertTrue(after.contains("This code was revoked by its holder"), after);
        assertFalse(after.contains("Issued and not revoked") || after.contains("Test module it-pages (version 2)")
                || after.contains(sha256(bytes)), "a revoked code shows nothing more");

        // Pages rendered for a person to look at (target/screenshots/portfolio-N.png).
        List<String> render = new ArrayList<>(List.of("pdftoppm", "-png", "-r", "70", saved.toString(),
                saved.getParent().resolve("portfolio").toString()));
        assertEquals(0, new ProcessBuilder(render).redirectErrorStream(true).start().waitFor());
    }
}
