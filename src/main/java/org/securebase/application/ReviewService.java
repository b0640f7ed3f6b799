package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.securebase.application.content.ContentCatalog;
import org.securebase.application.lti.GradeService;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.reflection.Reflection;
import org.securebase.domain.reflection.ReflectionStatus;
import org.securebase.domain.reflection.ReflectionVersion;
import org.securebase.domain.review.Review;
import org.securebase.domain.review.ReviewDecided;
import org.securebase.domain.review.RubricDefinition;
import org.securebase.domain.school.School;

/**
 * Tutor review of a submitted reflection: the review screen (every opening is audited by {@link ReadAudit}),
 * inline comments, the decision with its rubric rating, and what the student then sees. The queue is
 * {@link ReviewQueueService}. A tutor reaches
 * only the reflections of students in the cohorts they tutor; anything else is "not found".
 */
@Stateless
public class ReviewService {

    /** One submitted version with its review (empty for versions from before reviews existed). */
    public record ReviewedVersion(ReflectionVersion version, Optional<Review> review) {
    }

    /** A rubric level given on another module, for the student's history beside the review. */
    public record PastRating(String moduleTitle, int versionNumber, String levelTitle, int rank, Instant decidedAt) {
    }

    /** Everything the review screen shows, read in one transaction. */
    public record ReviewView(Reflection reflection, ModuleDefinition module, RubricDefinition rubric,
            List<ReviewedVersion> versions, Review current, List<PastRating> history, List<PathStep> path) {
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

    static final List<ReflectionStatus> REVIEWABLE = List.of(ReflectionStatus.SUBMITTED,
            ReflectionStatus.RETURNED, ReflectionStatus.ACCEPTED);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Memberships memberships;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private ReadAudit audit;

    @Inject
    private CaseService cases;

    @Inject
    private GradeService grades;

    /** Grades, xAPI and the student's notification follow a decision as observers, in this transaction. */
    @Inject
    private Event<ReviewDecided> decided;

    @Inject
    private Clock clock;

    /**
     * Opens a reflection for review, writing an audit row: who read it, and when. The case, the rubric, the path and
     * the history come in the reader's language where a translation of the same shape exists; the student's text is
     * as written.
     */
    public ReviewView open(Account tutor, long reflectionId, Locale reader) {
        Reflection reflection = reachable(tutor, reflectionId);
        audit.read(reflection, tutor, "review");
        List<ReviewedVersion> versions = versions(reflection);
        Review current = versions.get(versions.size() - 1).review()
                .orElseGet(() -> createFor(reflection.latestVersion().orElseThrow()));
        return new ReviewView(reflection,
                catalog.inLanguage(catalog.module(reflection.getContentVersion()), reader),
                catalog.inLanguage(rubric(current.getRubric()), reader), versions, current,
                history(reflection, reader), cases.pathOf(reflection.getStudent(), reflection.getSlug(), reader));
    }

    /** Where this reflection's results went to learning platforms, newest first (empty without LTI). */
    public List<GradeService.Status> gradeStatuses(Account tutor, long reflectionId) {
        Reflection reflection = reachable(tutor, reflectionId);
        return grades.statuses(reflection.getStudent(), reflection.getSlug());
    }

    /** Creates the review a newly submitted version awaits, on the rubric of the student's school. */
    public Review createFor(ReflectionVersion version) {
        School school = version.getReflection().getStudent().getSchool();
        String rubric = (school == null ? Optional.<String>empty() : school.rubric()).flatMap(catalog::findRubric)
                .orElseGet(catalog::defaultRubric).slug();
        Review review = new Review(version, rubric, clock.instant());
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
        decided.fire(new ReviewDecided(reflection.getStudent(), reflection, decision,
                accepted ? rubric.rank(level) : null, accepted ? rubric.levels().size() : null,
                catalog.module(reflection.getContentVersion()).title()));
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

    public RubricDefinition rubric(String slug) {
        return catalog.rubric(slug);
    }

    /**
     * Every version with its review, in a fixed number of queries whatever their number: the versions (answers
     * batch-fetched) and the reviews (with their comments, the comments' authors and the tutor joined, scores
     * batch-fetched). Nothing is left to load lazily when the page renders.
     */
    private List<ReviewedVersion> versions(Reflection reflection) {
        Map<Long, Review> reviews = new HashMap<>();
        for (Review r : em.createNamedQuery("Review.ofReflection", Review.class).setParameter("reflection", reflection)
                .setHint(Fetch.JOIN, "r.comments").setHint(Fetch.JOIN, "r.comments.author")
                .setHint(Fetch.JOIN, "r.tutor").setHint(Fetch.BATCH, "r.criterionLevels").getResultList()) {
            reviews.put(r.getReflectionVersion().getId(), r);
        }
        List<ReviewedVersion> versions = new ArrayList<>();
        for (ReflectionVersion v : em.createNamedQuery("ReflectionVersion.ofReflection", ReflectionVersion.class)
                .setParameter("reflection", reflection).setHint(Fetch.BATCH, "v.answers").getResultList()) {
            versions.add(new ReviewedVersion(v, Optional.ofNullable(reviews.get(v.getId()))));
        }
        return versions;
    }

    /** The levels this student's other reflections were given, oldest first. */
    private List<PastRating> history(Reflection reflection, Locale reader) {
        List<PastRating> history = new ArrayList<>();
        for (Object[] row : em.createQuery("select v.title, rv.number, rev.overallLevel, rev.rubric, rev.decidedAt, "
                + "v.slug "
                + "from Review rev join rev.reflectionVersion rv join rv.reflection r join r.contentVersion v "
                + "where r.student = :student and rev.decision is not null and rev.overallLevel is not null "
                + "order by rev.decidedAt", Object[].class)
                .setParameter("student", reflection.getStudent()).getResultList()) {
            RubricDefinition rubric = catalog.inLanguage(rubric((String) row[3]), reader);
            String level = (String) row[2];
            String title = catalog.moduleTranslation((String) row[5], reader).map(ModuleDefinition::title)
                    .orElse((String) row[0]);
            rubric.levels().stream().filter(l -> l.id().equals(level)).findFirst().ifPresent(l -> history.add(
                    new PastRating(title, (Integer) row[1], l.title(), rubric.rank(level), (Instant) row[4])));
        }
        return history;
    }

    private Reflection reachable(Account tutor, long reflectionId) {
        requireTutor(tutor);
        Reflection reflection = em.createNamedQuery("Reflection.withStudent", Reflection.class)
                .setParameter("id", reflectionId).getResultStream().findFirst().orElse(null);
        if (reflection == null || !REVIEWABLE.contains(reflection.getStatus())
                || !memberships.teaches(tutor, reflection.getStudent().getId())) {
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

    static void requireTutor(Account account) {
        if (account.getRole() != Role.TUTOR) {
            throw new NotFoundException("review for " + account.getRole());
        }
    }
}
