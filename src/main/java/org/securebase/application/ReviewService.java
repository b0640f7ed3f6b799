package org.securebase.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.reflection.Reflection;
import org.securebase.domain.reflection.ReflectionStatus;
import org.securebase.domain.reflection.ReflectionVersion;
import org.securebase.domain.review.ReflectionRead;
import org.securebase.domain.review.Review;
import org.securebase.domain.review.RubricDefinition;
import org.securebase.infrastructure.content.ContentImporter;

/**
 * Tutor review of submitted reflections: the queue of a tutor's own cohorts, the review screen (every opening is
 * audited), inline comments, the decision with its rubric rating, and what the student then sees. A tutor reaches
 * only the reflections of students in the cohorts they tutor; anything else is "not found".
 */
@Stateless
public class ReviewService {

    /** What the queue can be narrowed to; null fields do not filter. Dates are days in the server's zone. */
    public record QueueFilter(String module, ReflectionStatus status, String student, LocalDate from, LocalDate to) {
    }

    /** A page of the queue; {@code more} when there are more than {@link #COUNT_CAP} in all. */
    public record QueuePage(List<ReviewQueueRow> rows, long total, boolean more) {
    }

    /** One submitted version with its review (empty for versions from before reviews existed). */
    public record ReviewedVersion(ReflectionVersion version, Optional<Review> review) {
    }

    /** A rubric level given on another module, for the student's history beside the review. */
    public record PastRating(String moduleTitle, int versionNumber, String levelTitle, int rank, Instant decidedAt) {
    }

    /** Everything the review screen shows, read in one transaction. */
    public record ReviewView(Reflection reflection, ModuleDefinition module, RubricDefinition rubric,
            List<ReviewedVersion> versions, Review current, List<PastRating> history) {
    }

    /** The second of two tutors deciding the same version: told who decided first, nothing overwritten. */
    public static final class Conflict extends BusinessException {

        private static final long serialVersionUID = 1L;

        private final String decidedBy;

        public Conflict(String decidedBy) {
            super("review.conflict", "review decided by " + decidedBy);
            this.decidedBy = decidedBy;
        }

        public String decidedBy() {
            return decidedBy;
        }
    }

    private static final List<ReflectionStatus> REVIEWABLE = List.of(ReflectionStatus.SUBMITTED,
            ReflectionStatus.RETURNED, ReflectionStatus.ACCEPTED);

    @PersistenceContext
    private EntityManager em;

    @EJB
    private ContentImporter content;

    @Inject
    private ModuleCatalog catalog;

    @EJB
    private org.securebase.application.lti.GradeService grades;


    /** Grades, xAPI and the student's notification follow a decision as observers, in this transaction. */
    @Inject
    private jakarta.enterprise.event.Event<org.securebase.domain.review.ReviewDecided> decided;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "rubric")
    private Optional<String> configuredRubric;

    /** Counting stops here: "more than 1,000" is all a tutor needs, and it keeps every page equally fast. */
    public static final int COUNT_CAP = 1000;

    /** Students matched by a name filter, at most: a name narrows to a few people, not hundreds. */
    public static final int NAME_MATCHES_MAX = 200;

    /**
     * One page of the tutor's queue, oldest submission first, filtered, ordered and paged in the database. At
     * most three statements whatever the page or the data: the students a name matches (only when filtering by
     * name), the count up to {@value #COUNT_CAP}, and the page itself.
     */
    public QueuePage queue(Account tutor, QueueFilter filter, int first, int size) {
        requireTutor(tutor);
        StringBuilder where = new StringBuilder(" from Reflection r join r.student s join r.contentVersion v "
                + "where r.status in :statuses and s.id in (select m.id from Cohort c join c.members m "
                + "join c.members t where t.id = :tutor and m.role = :student)");
        Map<String, Object> params = new HashMap<>();
        params.put("statuses", filter.status() == null ? REVIEWABLE : List.of(filter.status()));
        params.put("tutor", tutor.getId());
        params.put("student", Role.STUDENT);
        if (filter.module() != null && !filter.module().isBlank()) {
            where.append(" and r.slug = :slug");
            params.put("slug", filter.module());
        }
        if (filter.student() != null && !filter.student().isBlank()) {
            // The students first (a few among the tutor's own), then their reflections by the student index.
            List<Long> students = em.createQuery("select distinct m.id from Cohort c join c.members m "
                    + "join c.members t where t.id = :tutor and m.role = :student "
                    + "and lower(m.displayName) like :name escape '\\'", Long.class)
                    .setParameter("tutor", tutor.getId()).setParameter("student", Role.STUDENT)
                    .setParameter("name", "%" + filter.student().strip().toLowerCase(java.util.Locale.ROOT)
                            .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                    .setMaxResults(NAME_MATCHES_MAX).getResultList();
            if (students.isEmpty()) {
                return new QueuePage(List.of(), 0, false);
            }
            where.append(" and s.id in :students");
            params.put("students", students);
        }
        ZoneId zone = clock.getZone();
        if (filter.from() != null) {
            where.append(" and r.submittedAt >= :from");
            params.put("from", filter.from().atStartOfDay(zone).toInstant());
        }
        if (filter.to() != null) {
            where.append(" and r.submittedAt < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(zone).toInstant());
        }
        TypedQuery<Long> count = em.createQuery("select r.id" + where, Long.class);
        TypedQuery<ReviewQueueRow> page = em.createQuery("select new org.securebase.application.ReviewQueueRow("
                + "r.id, s.displayName, r.slug, v.title, r.status, r.submittedAt)" + where
                + " order by r.submittedAt, r.id", ReviewQueueRow.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            page.setParameter(k, v);
        });
        int counted = count.setMaxResults(COUNT_CAP + 1).getResultList().size();
        return new QueuePage(page.setFirstResult(first).setMaxResults(size).getResultList(),
                Math.min(counted, COUNT_CAP), counted > COUNT_CAP);
    }

    /** The modules that have reflections in the tutor's cohorts, for the queue's filter: slug to title. */
    public Map<String, String> queueModules(Account tutor) {
        requireTutor(tutor);
        Map<String, String> modules = new java.util.LinkedHashMap<>();
        for (Object[] row : em.createQuery("select distinct v.slug, v.title from ContentVersion v "
                + "where v.kind = :kind and v.current = true order by v.title", Object[].class)
                .setParameter("kind", org.securebase.domain.module.ContentVersion.MODULE).getResultList()) {
            modules.put((String) row[0], (String) row[1]);
        }
        return modules;
    }

    /** Opens a reflection for review, writing an audit row: who read it, and when. */
    public ReviewView open(Account tutor, long reflectionId) {
        Reflection reflection = reachable(tutor, reflectionId);
        reflection.getStudent().getDisplayName();
        em.persist(new ReflectionRead(reflection, tutor, "review", clock.instant()));
        List<ReviewedVersion> versions = versions(reflection);
        Review current = versions.get(versions.size() - 1).review()
                .orElseGet(() -> createFor(reflection.latestVersion().orElseThrow()));
        current.getComments().forEach(c -> c.getAuthor().getDisplayName());
        return new ReviewView(reflection, catalog.definition(reflection.getContentVersion()),
                rubric(current.getRubric()), versions, current, history(reflection));
    }

    /** Where this reflection's results went to learning platforms, newest first (empty without LTI). */
    public List<org.securebase.application.lti.GradeService.Status> gradeStatuses(Account tutor, long reflectionId) {
        Reflection reflection = reachable(tutor, reflectionId);
        return grades.statuses(reflection.getStudent(), reflection.getSlug());
    }

    /** Creates the review a newly submitted version awaits, on the rubric of the student's school. */
    public Review createFor(ReflectionVersion version) {
        org.securebase.domain.school.School school = version.getReflection().getStudent().getSchool();
        String rubric = school == null ? null : school.rubric().filter(slug -> content.rubrics().stream()
                .anyMatch(r -> r.slug().equals(slug))).orElse(null);
        Review review = new Review(version, rubric != null ? rubric : defaultRubric().slug(), clock.instant());
        em.persist(review);
        return review;
    }

    public Review comment(Account tutor, long reviewId, String promptId, int start, int end, String quote,
            String text) {
        Review review = reviewReachable(tutor, reviewId);
        if (start < 0 && quote != null && !quote.isEmpty()) {
            // Typed rather than selected (keyboard users): anchor to the first place the words occur.
            start = review.getReflectionVersion().answer(promptId).indexOf(quote);
            if (start < 0) {
                throw new BusinessException("review.quoteNotFound", "quote not in answer");
            }
            end = start + quote.length();
        }
        review.comment(tutor, promptId, start, end, quote, text, clock.instant());
        em.flush();
        return review;
    }

    public void removeComment(Account tutor, long reviewId, long commentId) {
        reviewReachable(tutor, reviewId).removeComment(tutor, commentId);
        em.flush();
    }

    /**
     * Records the decision and releases the feedback to the student. {@code expectedVersion} is the review's
     * version when the tutor opened it: if another tutor decided in between, nothing is written and the caller
     * learns who did.
     */
    public void decide(Account tutor, long reviewId, long expectedVersion, Review.Decision decision, String level,
            Map<String, String> criteria, String overallComment) {
        Review review = reviewReachable(tutor, reviewId);
        if (review.decision().isPresent() || review.getVersion() != expectedVersion) {
            throw new Conflict(review.tutor().map(Account::getDisplayName).orElse("?"));
        }
        Reflection reflection = review.getReflectionVersion().getReflection();
        if (reflection.latestVersion().map(v -> !v.equals(review.getReflectionVersion())).orElse(true)) {
            throw new Conflict("?");
        }
        review.decide(tutor, decision, rubric(review.getRubric()), level, criteria, overallComment, clock.instant());
        reflection.decide(decision == Review.Decision.ACCEPTED, clock.instant());
        RubricDefinition rubric = rubric(review.getRubric());
        boolean accepted = decision == Review.Decision.ACCEPTED;
        decided.fire(new org.securebase.domain.review.ReviewDecided(reflection.getStudent(), reflection, decision,
                accepted ? rubric.rank(level) : null, accepted ? rubric.levels().size() : null,
                catalog.definition(reflection.getContentVersion()).title()));
        em.flush();
    }

    /** The decided reviews of a student's own reflection, latest version last: what the student may see. */
    public List<ReviewedVersion> feedback(Account student, Reflection reflection) {
        if (!reflection.isOwnedBy(student)) {
            throw new NotFoundException("reflection " + reflection.getId());
        }
        return versions(reflection).stream().map(v -> new ReviewedVersion(v.version(),
                v.review().filter(r -> r.decision().isPresent()))).toList();
    }

    /** Who other than the student has opened their reflection, newest first. */
    public List<AuditRow> readsOf(Account student, Reflection reflection) {
        if (!reflection.isOwnedBy(student)) {
            throw new NotFoundException("reflection " + reflection.getId());
        }
        return em.createQuery("select new org.securebase.application.AuditRow(a.displayName, a.role, "
                + "s.displayName, v.title, x.purpose, x.readAt) from ReflectionRead x join x.reader a "
                + "join x.reflection r join r.student s join r.contentVersion v where r = :reflection "
                + "order by x.readAt desc", AuditRow.class).setParameter("reflection", reflection)
                .setMaxResults(200).getResultList();
    }

    public record AuditPage(List<AuditRow> rows, long total) {
    }

    /** The school's audit trail for its administrator, newest first, paged in the database. */
    public AuditPage audit(Account admin, int first, int size) {
        if (admin.getRole() != Role.SCHOOL_ADMIN || admin.getSchool() == null) {
            throw new NotFoundException("audit for " + admin.getRole());
        }
        String from = " from ReflectionRead x join x.reader a join x.reflection r join r.student s "
                + "join r.contentVersion v where s.school = :school";
        long total = em.createQuery("select count(x)" + from, Long.class)
                .setParameter("school", admin.getSchool()).getSingleResult();
        List<AuditRow> rows = em.createQuery("select new org.securebase.application.AuditRow(a.displayName, "
                + "a.role, s.displayName, v.title, x.purpose, x.readAt)" + from
                + " order by x.readAt desc, x.id desc", AuditRow.class).setParameter("school", admin.getSchool())
                .setFirstResult(first).setMaxResults(size).getResultList();
        return new AuditPage(rows, total);
    }

    public RubricDefinition rubric(String slug) {
        return content.rubrics().stream().filter(r -> r.slug().equals(slug)).findFirst()
                .orElseGet(this::defaultRubric);
    }

    /** The rubric named by RUBRIC, else the first: reviews keep the rubric they were started with. */
    public RubricDefinition defaultRubric() {
        List<RubricDefinition> rubrics = content.rubrics();
        return rubrics.stream().filter(r -> configuredRubric.map(r.slug()::equals).orElse(false)).findFirst()
                .or(() -> rubrics.stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("no rubric in content/rubrics"));
    }

    private List<ReviewedVersion> versions(Reflection reflection) {
        Map<Long, Review> reviews = new HashMap<>();
        for (Review r : em.createQuery("select r from Review r where r.reflectionVersion.reflection = :reflection",
                Review.class).setParameter("reflection", reflection).getResultList()) {
            reviews.put(r.getReflectionVersion().getId(), r);
        }
        List<ReviewedVersion> versions = new ArrayList<>();
        for (ReflectionVersion v : reflection.getVersions()) {
            v.getAnswers().size();
            versions.add(new ReviewedVersion(v, Optional.ofNullable(reviews.get(v.getId()))));
        }
        return versions;
    }

    /** The levels this student's other reflections were given, oldest first. */
    private List<PastRating> history(Reflection reflection) {
        List<PastRating> history = new ArrayList<>();
        for (Object[] row : em.createQuery("select v.title, rv.number, rev.overallLevel, rev.rubric, rev.decidedAt "
                + "from Review rev join rev.reflectionVersion rv join rv.reflection r join r.contentVersion v "
                + "where r.student = :student and rev.decision is not null and rev.overallLevel is not null "
                + "order by rev.decidedAt", Object[].class)
                .setParameter("student", reflection.getStudent()).getResultList()) {
            RubricDefinition rubric = rubric((String) row[3]);
            String level = (String) row[2];
            rubric.levels().stream().filter(l -> l.id().equals(level)).findFirst().ifPresent(l -> history.add(
                    new PastRating((String) row[0], (Integer) row[1], l.title(), rubric.rank(level),
                            (Instant) row[4])));
        }
        return history;
    }

    private Reflection reachable(Account tutor, long reflectionId) {
        requireTutor(tutor);
        Reflection reflection = em.find(Reflection.class, reflectionId);
        if (reflection == null || !REVIEWABLE.contains(reflection.getStatus()) || em.createQuery(
                "select count(c) from Cohort c join c.members s join c.members t where s.id = :student "
                + "and t.id = :tutor", Long.class).setParameter("student", reflection.getStudent().getId())
                .setParameter("tutor", tutor.getId()).getSingleResult() == 0) {
            throw new NotFoundException("reflection " + reflectionId);
        }
        return reflection;
    }

    private Review reviewReachable(Account tutor, long reviewId) {
        Review review = em.find(Review.class, reviewId);
        if (review == null) {
            throw new NotFoundException("review " + reviewId);
        }
        reachable(tutor, review.getReflectionVersion().getReflection().getId());
        return review;
    }

    private static void requireTutor(Account account) {
        if (account.getRole() != Role.TUTOR) {
            throw new NotFoundException("review for " + account.getRole());
        }
    }
}
