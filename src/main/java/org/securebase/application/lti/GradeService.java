package org.securebase.application.lti;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.securebase.domain.Delivery;
import org.securebase.domain.account.Account;
import org.securebase.domain.lti.GradeLink;
import org.securebase.domain.lti.GradePost;
import org.securebase.domain.lti.LtiPlatform;

/**
 * LTI Assignment and Grade Services: results for modules launched from a platform go back to that platform's
 * line item, completion on submission and the rubric level on acceptance. Posting happens after the fact, from a
 * queue, with an OAuth 2 token obtained with a client assertion signed by the tool's key; failures are retried
 * and their state is shown to tutors.
 */
@Stateless
public class GradeService {

    public static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

    private static final Logger LOG = Logger.getLogger(GradeService.class.getName());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Access tokens per platform and scope, until shortly before they expire. */
    @Inject
    private PlatformTokens tokens;

    /** One result's state, for the review screen. */
    public record Status(String platform, String status, int attempts, String lastError, Instant sentAt,
            Double scoreGiven, Double scoreMaximum) {
    }

    @PersistenceContext
    private EntityManager em;

    @EJB
    private ToolKeyService keys;

    @Inject
    private Clock clock;

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
    public void on(@jakarta.enterprise.event.Observes org.securebase.domain.reflection.ReflectionSubmitted event) {
        queue(event.student(), event.reflection().getSlug(), null, null, "Submitted", "PendingManual");
    }

    /** An acceptance posts the rubric level as the score; a return posts "in progress" again. */
    public void on(@jakarta.enterprise.event.Observes org.securebase.domain.review.ReviewDecided event) {
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
                + "and l.lineitemUrl is not null", GradeLink.class).setParameter("a", student).setParameter("s", slug).getResultList()) {
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
        return java.util.stream.Stream.concat(missing.stream(), posted(student, slug).stream()).toList();
    }

    /** Per platform of the school: how many students' module launches named no line item. */
    public Map<Long, Long> launchesWithoutLineItem(org.securebase.domain.school.School school) {
        Map<Long, Long> counts = new java.util.HashMap<>();
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
                        g.getScoreGiven(), g.getScoreMaximum())).toList();
    }

    /** The ids of results due to be posted now, oldest first. */
    public List<Long> due(int limit) {
        return em.createQuery("select g.id from GradePost g where g.delivery.status = :pending "
                + "and g.delivery.nextAttemptAt <= :now order by g.delivery.nextAttemptAt, g.id", Long.class)
                .setParameter("pending", Delivery.Status.PENDING)
                .setParameter("now", clock.instant()).setMaxResults(limit).getResultList();
    }

    /** Posts one result in its own transaction, so one platform's failure never holds up another's. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void send(long id) {
        GradePost post = em.find(GradePost.class, id);
        if (post == null || post.getDelivery().getStatus() != Delivery.Status.PENDING) {
            return;
        }
        GradeLink link = post.getLink();
        LtiPlatform platform = link.getPlatform();
        try {
            String token = token(platform, SCORE_SCOPE);
            JsonObjectBuilder score = Json.createObjectBuilder().add("userId", link.getAccount().getLtiSubject())
                    .add("activityProgress", post.getActivityProgress())
                    .add("gradingProgress", post.getGradingProgress())
                    .add("timestamp", post.getCreatedAt().toString());
            if (post.getScoreGiven() != null) {
                score.add("scoreGiven", post.getScoreGiven()).add("scoreMaximum", post.getScoreMaximum());
            }
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(org.securebase.infrastructure.lti.OutboundAddress.require(scoresUrl(link.getLineitemUrl()).toString()))
                    .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/vnd.ims.lis.v1.score+json")
                    .POST(HttpRequest.BodyPublishers.ofString(score.build().toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                tokens.forget(platform.getId(), SCORE_SCOPE);
            }
            post.getDelivery().answered(response.statusCode(), platform.getName() + " " + response.body(),
                    clock.instant());
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

    /** The line item's scores address: "/scores" added to its path, before any query. */
    static URI scoresUrl(String lineitem) {
        URI uri = URI.create(lineitem);
        String path = uri.getRawPath().endsWith("/") ? uri.getRawPath() + "scores" : uri.getRawPath() + "/scores";
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** An OAuth 2 access token by client credentials, authenticated with a JWT signed by the tool's key. */
    public String token(LtiPlatform platform, String scope) throws IOException, InterruptedException {
        Optional<String> cached = tokens.get(platform.getId(), scope, clock.instant());
        if (cached.isPresent()) {
            return cached.get();
        }
        Instant now = clock.instant();
        String assertion = keys.sign(new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(platform.getClientId())
                .subject(platform.getClientId()).audience(platform.getTokenUrl()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString()).build());
        String form = "grant_type=client_credentials"
                + "&client_assertion_type=" + enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                + "&client_assertion=" + enc(assertion) + "&scope=" + enc(scope);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(org.securebase.infrastructure.lti.OutboundAddress.require(platform.getTokenUrl()))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("token endpoint answered HTTP " + response.statusCode());
        }
        JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
        String token = json.getString("access_token");
        int seconds = json.getInt("expires_in", 3600);
        tokens.put(platform.getId(), scope, token, now.plusSeconds(Math.max(0, seconds - 60)));
        return token;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
