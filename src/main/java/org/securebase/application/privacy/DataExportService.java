package org.securebase.application.privacy;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.securebase.application.MailTexts;
import org.securebase.application.SelfRatingService;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.infrastructure.scoring.CsvCells;

/**
 * "Download my data": everything the installation holds about the signed-in person, as a ZIP of JSON files (CSV
 * beside the tabular ones), for every role. Rows keep their ids, so files can be read together (a version's
 * {@code reflectionId}). Never another person's data: of other people only what the person's own rows name (the
 * tutor who reviewed, who read their reflection), never their address. Secrets are left out (password and token
 * hashes).
 */
@Stateless
public class DataExportService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<PersonalData> exporting;

    @Inject
    private SelfRatingService ratings;

    @Inject
    private Clock clock;

    /** The person's data as a ZIP archive. */
    public byte[] export(Account person) {
        PersonalData data = collect(person);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(data, bytes);
        return bytes.toByteArray();
    }

    PersonalData collect(Account person) {
        Sql sql = new Sql(em);
        long id = person.getId();
        String email = person.getEmail();
        PersonalData data = new PersonalData(person);
        data.json("account.json", sql.rows("a.id, a.email, a.display_name, a.role, a.school_id, s.name as school, "
                + "a.enabled, a.author, a.locale, a.time_zone, a.lti_issuer, a.lti_subject, a.lti_platform_id, a.created_at, "
                + "a.modified_at", "from account a left join school s on s.id = a.school_id where a.id = ?1", id),
                "account");
        data.json("cohorts.json", sql.rows("m.cohort_id, c.name as cohort, p.name as programme, p.ends_on",
                "from cohort_member m join cohort c on c.id = m.cohort_id left join programme p "
                        + "on p.id = c.programme_id where m.account_id = ?1 order by c.name",
                id), "cohort_member");
        reflections(sql, id, data);
        written(sql, id, data);
        List<Map<String, Object>> paths = sql.rows("id, module_version_id, slug, stages_revealed, started_at, "
                + "modified_at", "from module_progress where student_id = ?1 order by started_at, id", id);
        Sql.nest(paths, "answers", sql.rows("a.id, a.progress_id, a.stage_index, a.option_index, a.answered_at",
                "from recognition_answer a join module_progress p on p.id = a.progress_id where p.student_id = ?1 "
                        + "order by a.answered_at, a.id",
                id), "progressId");
        data.json("module-paths.json", paths, "module_progress", "recognition_answer");
        List<Map<String, Object>> selfRatings = sql.rows("id, module_version_id, slug, curriculum, milestone, "
                + "perspective, status, created_at, modified_at, submitted_at",
                "from self_rating where student_id = ?1 order by created_at, id", id);
        Sql.nest(selfRatings, "answers", sql.rows("a.self_rating_id, a.item_id, a.answer",
                "from self_rating_answer a join self_rating r on r.id = a.self_rating_id where r.student_id = ?1 "
                        + "order by a.self_rating_id, a.item_id",
                id), "selfRatingId");
        data.json("self-ratings.json", selfRatings, "self_rating", "self_rating_answer");
        if (person.getRole() == Role.STUDENT) {
            data.csv("self-ratings.csv", ratings.exportRows(person));
        }
        List<Map<String, Object>> notifications = sql.rows(
                "id, kind, reflection_id, subject, link, created_at, read_at",
                "from notification where recipient_id = ?1 order by created_at, id", id);
        data.json("notifications.json", notifications, "notification");
        data.csv("notifications.csv", table(notifications));
        data.json("plan-reminders.json", sql.rows("r.plan_step_id, s.module_slug, s.milestone, s.due_at, r.sent_at",
                "from plan_reminder r join plan_step s on s.id = r.plan_step_id where r.account_id = ?1 "
                        + "order by r.sent_at, r.plan_step_id",
                id), "plan_reminder");
        // Their own extensions with the staff's reason (data about them, so theirs), and those they gave as staff.
        data.json("plan-extensions.json", sql.rows("e.id, e.plan_step_id, s.module_slug, s.milestone, "
                + "s.due_at as step_due_at, e.due_at, e.reason, e.granted_at",
                "from plan_extension e join plan_step s "
                        + "on s.id = e.plan_step_id where e.account_id = ?1 order by e.granted_at, e.id",
                id),
                "plan_extension");
        data.json("plan-extensions-given.json", sql.rows("e.id, e.plan_step_id, e.due_at, e.reason, e.granted_at",
                "from plan_extension e where e.granted_by = ?1 order by e.granted_at, e.id", id), "plan_extension");
        data.json("invitations.json", sql.rows("id, purpose, created_at, expires_at, used_at",
                "from invitation where account_id = ?1 order by created_at, id", id), "invitation");
        List<Map<String, Object>> links = sql.rows("id, slug, platform_id, lineitem_url, created_at",
                "from lti_grade_link where account_id = ?1 order by id", id);
        Sql.nest(links, "posts", sql.rows("g.id, g.link_id, g.score_given, g.score_maximum, g.activity_progress, "
                + "g.grading_progress, g.status, g.attempts, g.last_error, g.created_at, g.next_attempt_at, g.sent_at",
                "from grade_post g join lti_grade_link l on l.id = g.link_id where l.account_id = ?1 order by g.id",
                id), "linkId");
        data.json("grades-sent.json", links, "lti_grade_link", "grade_post");
        data.json("research-consent.json", sql.rows("id, consented, decided_at",
                "from research_consent where account_id = ?1 order by decided_at, id", id), "research_consent");
        data.json("sign-in-failures.json", sql.rows("id, login_name, source, failed_at",
                "from login_failure where login_name = ?1 order by failed_at, id", email), "login_failure");
        data.json("mail.json", sql.rows("id, recipient, subject, body, status, attempts, last_error, created_at, "
                + "next_attempt_at, sent_at", "from mail_message where lower(recipient) = ?1 order by created_at, id",
                email), "mail_message");
        data.json("xapi-statements.json", sql.rows("id, school_id, verb, statement_json, status, attempts, "
                + "last_error, created_at, next_attempt_at, sent_at",
                "from xapi_statement where statement_json like ?1 order by created_at, id",
                "%" + ErasureService.xapiActor(id) + "%"), "xapi_statement");
        data.json("erasures-you-made.json", sql.rows("id, school_id, pseudonym, erased_role, erased_at, counts",
                "from erasure_record where erased_by_id = ?1 order by erased_at, id", id), "erasure_record");
        exporting.fire(data);
        return data;
    }

    /** Reflections with every draft, version, answer, review, score and comment, and who read them. */
    private static void reflections(Sql sql, long id, PersonalData data) {
        List<Map<String, Object>> reflections = sql.rows("id, module_version_id, slug, status, created_at, "
                + "modified_at, submitted_at", "from reflection where student_id = ?1 order by created_at, id", id);
        String mine = " join reflection r on r.id = x.reflection_id where r.student_id = ?1";
        Sql.nest(reflections, "drafts", sql.rows("x.id, x.reflection_id, x.prompt_id, x.answer_text, x.revision, "
                + "x.saved_at", "from draft_answer x" + mine + " order by x.prompt_id", id), "reflectionId");
        List<Map<String, Object>> versions = sql.rows("x.id, x.reflection_id, x.number, x.submitted_at",
                "from reflection_version x" + mine + " order by x.number", id);
        String ofVersion = " join reflection_version v on v.id = x.reflection_version_id join reflection r "
                + "on r.id = v.reflection_id where r.student_id = ?1";
        Sql.nest(versions, "answers", sql.rows("x.reflection_version_id, x.prompt_id, x.answer_text",
                "from submitted_answer x" + ofVersion + " order by x.prompt_id", id), "reflectionVersionId");
        List<Map<String, Object>> reviews = sql.rows("x.id, x.reflection_version_id, x.rubric, t.display_name as "
                + "tutor, x.overall_level, x.overall_comment, x.decision, x.created_at, x.decided_at",
                "from review x left join account t on t.id = x.tutor_id" + ofVersion + " order by x.id",
                id);
        String ofReview = " join review w on w.id = x.review_id join reflection_version v on v.id = "
                + "w.reflection_version_id join reflection r on r.id = v.reflection_id where r.student_id = ?1";
        Sql.nest(reviews, "scores", sql.rows("x.review_id, x.criterion_id, x.level_id",
                "from review_score x" + ofReview + " order by x.criterion_id", id), "reviewId");
        Sql.nest(reviews, "comments", sql.rows("x.id, x.review_id, a.display_name as author, x.prompt_id, "
                + "x.start_offset, x.end_offset, x.quote, x.comment_text, x.created_at",
                "from review_comment x join account a on a.id = x.author_id" + ofReview
                        + " order by x.prompt_id, x.start_offset",
                id), "reviewId");
        Sql.nest(versions, "reviews", reviews, "reflectionVersionId");
        Sql.nest(reflections, "versions", versions, "reflectionId");
        Sql.nest(reflections, "readBy", sql.rows("x.id, x.reflection_id, a.display_name as reader, a.role as "
                + "reader_role, x.purpose, x.read_at",
                "from reflection_read x join account a on a.id = x.reader_id"
                        + mine + " order by x.read_at, x.id",
                id), "reflectionId");
        Sql.nest(reflections, "staffNotifications", sql.rows("x.id, x.kind, x.reflection_id, x.subject, "
                + "x.created_at, x.read_at",
                "from notification x" + mine + " and x.recipient_id <> ?1 "
                        + "order by x.created_at, x.id",
                id), "reflectionId");
        data.json("reflections.json", reflections, "reflection", "draft_answer", "reflection_version",
                "submitted_answer", "review", "review_score", "review_comment", "reflection_read", "notification");
        List<List<String>> answers = new ArrayList<>();
        answers.add(List.of("module", "version", "submitted_at", "prompt", "answer"));
        for (Map<String, Object> r : reflections) {
            for (Object v : (List<?>) r.get("versions")) {
                Map<?, ?> version = (Map<?, ?>) v;
                for (Object a : (List<?>) version.get("answers")) {
                    Map<?, ?> answer = (Map<?, ?>) a;
                    answers.add(List.of(String.valueOf(r.get("slug")), String.valueOf(version.get("number")),
                            String.valueOf(version.get("submittedAt")), String.valueOf(answer.get("promptId")),
                            String.valueOf(answer.get("answerText"))));
                }
            }
        }
        data.csv("reflection-answers.csv", answers);
    }

    /** What a member of staff wrote and read: their reviews (without the student's words) and their reads. */
    private static void written(Sql sql, long id, PersonalData data) {
        List<Map<String, Object>> reviews = sql.rows("id, reflection_version_id, rubric, overall_level, "
                + "overall_comment, decision, created_at, decided_at",
                "from review where tutor_id = ?1 order by created_at, id", id);
        Sql.nest(reviews, "scores", sql.rows("x.review_id, x.criterion_id, x.level_id",
                "from review_score x join review w on w.id = x.review_id where w.tutor_id = ?1", id), "reviewId");
        data.json("reviews-you-wrote.json", reviews, "review", "review_score");
        data.json("comments-you-wrote.json", sql.rows("id, review_id, prompt_id, start_offset, end_offset, "
                + "comment_text, created_at", "from review_comment where author_id = ?1 order by created_at, id",
                id), "review_comment");
        data.json("reflections-you-read.json", sql.rows("id, reflection_id, purpose, read_at",
                "from reflection_read where reader_id = ?1 order by read_at, id", id), "reflection_read");
    }

    /** Rows of one level as a CSV table: a header of the keys, then the values. */
    private static List<List<String>> table(List<Map<String, Object>> rows) {
        List<List<String>> table = new ArrayList<>();
        if (rows.isEmpty()) {
            return table;
        }
        table.add(List.copyOf(rows.get(0).keySet()));
        for (Map<String, Object> row : rows) {
            table.add(row.values().stream().map(v -> v == null ? "" : String.valueOf(v)).toList());
        }
        return table;
    }

    private void write(PersonalData data, OutputStream out) {
        JsonGeneratorFactory json = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write(MailTexts.text(data.account(), "export.readme", clock.instant().toString())
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("manifest.json"));
            try (JsonGenerator g = json.createGenerator(unclosed(zip), StandardCharsets.UTF_8)) {
                g.writeStartObject().write("exportedAt", clock.instant().toString())
                        .write("accountId", data.account().getId()).writeStartArray("files");
                data.jsonFiles().keySet().forEach(g::write);
                data.csvFiles().keySet().forEach(g::write);
                g.writeEnd().writeStartArray("tables");
                data.tables().forEach(g::write);
                g.writeEnd().writeEnd();
            }
            zip.closeEntry();
            for (Map.Entry<String, List<Map<String, Object>>> file : data.jsonFiles().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                try (JsonGenerator g = json.createGenerator(unclosed(zip), StandardCharsets.UTF_8)) {
                    writeArray(g, file.getValue());
                }
                zip.closeEntry();
            }
            for (Map.Entry<String, List<List<String>>> file : data.csvFiles().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                Writer writer = new OutputStreamWriter(unclosed(zip), StandardCharsets.UTF_8);
                try (CSVPrinter printer = CSVFormat.DEFAULT.print(writer)) {
                    for (List<String> row : file.getValue()) {
                        printer.printRecord(row.stream().map(CsvCells::safe).toList());
                    }
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeArray(JsonGenerator g, List<?> rows) {
        g.writeStartArray();
        for (Object row : rows) {
            writeValue(g, null, row);
        }
        g.writeEnd();
    }

    private static void writeValue(JsonGenerator g, String name, Object value) {
        if (value instanceof Map<?, ?> map) {
            if (name == null) {
                g.writeStartObject();
            } else {
                g.writeStartObject(name);
            }
            map.forEach((k, v) -> writeValue(g, String.valueOf(k), v));
            g.writeEnd();
        } else if (value instanceof List<?> list) {
            if (name == null) {
                g.writeStartArray();
            } else {
                g.writeStartArray(name);
            }
            list.forEach(v -> writeValue(g, null, v));
            g.writeEnd();
        } else if (value == null) {
            if (name == null) {
                g.writeNull();
            } else {
                g.writeNull(name);
            }
        } else if (value instanceof Boolean b) {
            if (name == null) {
                g.write(b);
            } else {
                g.write(name, b);
            }
        } else if (value instanceof Number n) {
            BigDecimal decimal = new BigDecimal(n.toString());
            if (name == null) {
                g.write(decimal);
            } else {
                g.write(name, decimal);
            }
        } else {
            String text = value instanceof Instant i ? i.toString() : value.toString();
            if (name == null) {
                g.write(text);
            } else {
                g.write(name, text);
            }
        }
    }

    /** The ZIP stream, which the JSON generator and CSV printer may "close" without ending the archive. */
    private static OutputStream unclosed(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
