package org.securebase.application.lti;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.securebase.application.OutboxClaims;
import org.securebase.domain.Delivery;
import org.securebase.domain.account.Account;
import org.securebase.domain.lti.GradeLink;
import org.securebase.domain.lti.GradePost;
import org.securebase.domain.lti.LtiPlatform;
import org.securebase.domain.reflection.ReflectionSubmitted;
import org.securebase.domain.review.ReviewDecided;
import org.securebase.domain.school.School;
import org.securebase.infrastructure.lti.PlatformClient;

/**
 * LTI Assignment and Grade Services: results for modules launched from a platform go back to that platform's
 * line item, completion on submission and the rubric level on acceptance. Observes the decisions and queues a
 * post in the same transaction; a sender posts later (through {@link PlatformClient}, with a token from
 * {@link PlatformTokens}), retries failures and shows their state to tutors.
 */
@Stateless
public class GradeService {

    public static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

    private static final Logger LOG = Logger.getLogger(GradeService.class.getName());

    @Inject
    private PlatformTokens tokens;

    /** One result's state, for the review screen. */
    public record Status(String platform, String status, int attempts, String lastError, Instant sentAt,
            Double scoreGiven, Double scoreMaximum) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PlatformClient client;

    @Inject
    private Clock clock;

    @Inject
    private OutboxClaims claims;

    /** Remembers the line item a launch named for this student and module (null: it named none). */
    public void link(Account student, String slug, LtiPlatform platform, String lineitem) {
        GradeLink link = em.createQuery("select l from GradeLink l where l.account = :a and l.slug = :s "
                + "and l.platform = :p", GradeLink.class).setParameter("a", student).setParameter("s", slug)
                .setParameter("p", platform).getResultStream().findFirst().orElse(null);
        if (link == null) {
            em.persist(new GradeLink(student, slug, platform, lineitem, clock.instant()));
        } else {
            link.pointTo(lineitem);
        }
    }

    /** A submission posts completion, awaiting the tutor's grading. */
    public void on(@Observes ReflectionSubmitted event) {
        queue(event.student(), event.reflection().getSlug(), null, null, "Submitted", "PendingManual");
    }

    /** An acceptance posts the rubric level as the score; a return posts "in progress" again. */
    public void on(@Observes ReviewDecided event) {
        if (event.accepted()) {
            queue(event.student(), event.reflection().getSlug(), (double) event.score(),
                    (double) event.scoreMaximum(), "Completed", "FullyGraded");
        } else {
            queue(event.student(), event.reflection().getSlug(), null, null, "InProgress", "Pending");
        }
    }

    /** Queues a result for every platform the student's module was launched from; nothing when none. */
    public void queue(Account student, String slug, Double scoreGiven, Double scoreMaximum, String activity,
            String grading) {
        for (GradeLink link : em.createQuery("select l from GradeLink l where l.account = :a and l.slug = :s "
                + "and l.lineitemUrl is not null", GradeLink.class).setParameter("a", student).setParameter("s", slug)
                .getResultList()) {
            em.persist(new GradePost(link, scoreGiven, scoreMaximum, activity, grading, clock.instant()));
        }
    }

    /** Status of a launch that named no line item: nothing can go back until the platform sends one. */
    public static final String NO_LINE_ITEM = "NO_LINE_ITEM";

    public List<Status> statuses(Account student, String slug) {
        List<Status> missing = em.createQuery("select l.platform.name from GradeLink l where l.account = :a "
                + "and l.slug = :s and l.lineitemUrl is null", String.class).setParameter("a", student)
                .setParameter("s", slug).getResultList().stream()
                .map(name -> new Status(name, NO_LINE_ITEM, 0, null, null, null, null)).toList();
        return Stream.concat(missing.stream(), posted(student, slug).stream()).toList();
    }

    /** Per platform of the school: how many students' module launches named no line item. */
    public Map<Long, Long> launchesWithoutLineItem(School school) {
        Map<Long, Long> counts = new HashMap<>();
        em.createQuery("select l.platform.id, count(l) from GradeLink l where l.platform.school = :school "
                + "and l.lineitemUrl is null group by l.platform.id", Object[].class).setParameter("school", school)
                .getResultList().forEach(r -> counts.put((Long) r[0], (Long) r[1]));
        return counts;
    }

    private List<Status> posted(Account student, String slug) {
        return em.createQuery("select g from GradePost g join fetch g.link l join fetch l.platform "
                + "where l.account = :a and l.slug = :s order by g.createdAt desc, g.id desc", GradePost.class)
                .setParameter("a", student).setParameter("s", slug).setMaxResults(10).getResultList().stream()
                .map(g -> new Status(g.getLink().getPlatform().getName(), g.getDelivery().getStatus().name(),
                        g.getDelivery().getAttempts(), g.getDelivery().getLastError(), g.getDelivery().getSentAt(),
                        g.getScoreGiven(), g.getScoreMaximum()))
                .toList();
    }

    /** The ids of results due to be posted now, oldest first. */
    public List<Long> due(int limit) {
        return em.createQuery("select g.id from GradePost g where g.delivery.status = :pending "
                + "and g.delivery.nextAttemptAt <= :now order by g.delivery.nextAttemptAt, g.id", Long.class)
                .setParameter("pending", Delivery.Status.PENDING)
                .setParameter("now", clock.instant()).setMaxResults(limit).getResultList();
    }

    /**
     * Posts one result in its own transaction, so one platform's failure never holds up another's; claimed first,
     * so another server skips it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void send(long id) {
        if (!claims.claim(GradePost.class, id)) {
            return;
        }
        GradePost post = em.find(GradePost.class, id);
        if (post == null || !post.getDelivery().isDue(clock.instant())) {
            return;
        }
        GradeLink link = post.getLink();
        LtiPlatform platform = link.getPlatform();
        try {
            PlatformClient.Answer answer = client.postScore(link.getLineitemUrl(), tokens.token(platform, SCORE_SCOPE),
                    new PlatformClient.Score(link.getAccount().getLtiSubject(), post.getActivityProgress(),
                            post.getGradingProgress(), post.getCreatedAt().toString(), post.getScoreGiven(),
                            post.getScoreMaximum()));
            if (answer.status() == 401) {
                tokens.forget(platform.getId(), SCORE_SCOPE);
            }
            post.getDelivery().answered(answer.status(), platform.getName() + " " + answer.body(), clock.instant());
        } catch (IOException | RuntimeException e) {
            post.getDelivery().unreachable(e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            post.getDelivery().unreachable("interrupted", clock.instant());
        }
        Delivery delivery = post.getDelivery();
        if (delivery.getStatus() != Delivery.Status.SENT) {
            LOG.warning(() -> "Grade post " + id + " to " + platform.getName() + " not sent (attempt "
                    + delivery.getAttempts() + ", " + delivery.getStatus() + "): " + delivery.getLastError());
        }
    }
}
