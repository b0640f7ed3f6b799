package org.securebase.application.xapi;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.securebase.application.OutboxClaims;
import org.securebase.domain.Delivery;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.instrument.SelfRatingSubmitted;
import org.securebase.domain.reflection.ReflectionSubmitted;
import org.securebase.domain.review.ReviewDecided;
import org.securebase.domain.xapi.XapiStatement;
import org.securebase.infrastructure.xapi.LrsClient;

/**
 * xAPI statements for the Learning Record Store named by XAPI_ENDPOINT (with XAPI_USERNAME and XAPI_PASSWORD):
 * launched, answered, submitted, reviewed, self-rated. None are made when no LRS is configured. Actors are
 * pseudonymous accounts on this installation (no names or e-mail addresses); statements are queued in the
 * database and sent from there, so a slow or absent LRS never slows a student down.
 */
@Stateless
public class XapiService {

    /** The verbs we use: ADL's where one exists, ours otherwise. */
    public enum Verb {
        LAUNCHED("http://adlnet.gov/expapi/verbs/launched", "launched"),
        ANSWERED("http://adlnet.gov/expapi/verbs/answered", "answered"),
        SUBMITTED("http://activitystrea.ms/schema/1.0/submit", "submitted"),
        REVIEWED("https://securebase.org/xapi/verbs/reviewed", "reviewed"),
        SELF_RATED("https://securebase.org/xapi/verbs/self-rated", "self-rated");

        final String iri;
        final String display;

        Verb(String iri, String display) {
            this.iri = iri;
            this.display = display;
        }
    }

    private static final Logger LOG = Logger.getLogger(XapiService.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private OutboxClaims claims;

    @Inject
    @ConfigProperty(name = "xapi.endpoint")
    private Optional<String> endpoint;

    @Inject
    @ConfigProperty(name = "xapi.username")
    private Optional<String> username;

    @Inject
    @ConfigProperty(name = "xapi.password")
    private Optional<String> password;

    @Inject
    @ConfigProperty(name = "app.url", defaultValue = "http://localhost:8080")
    private String appUrl;

    public boolean isConfigured() {
        return endpoint.filter(e -> !e.isBlank()).isPresent();
    }

    /**
     * Queues a statement: {@code actor} did {@code verb} to the activity at {@code path} (under this
     * installation's address), with an optional result.
     */
    public void record(Account actor, Verb verb, String path, String activityName, JsonObject result) {
        if (!isConfigured() || actor == null || actor.getId() == null) {
            return;
        }
        String home = appUrl.replaceAll("/$", "");
        JsonObjectBuilder statement = Json.createObjectBuilder()
                .add("id", UUID.randomUUID().toString())
                .add("actor", Json.createObjectBuilder().add("objectType", "Agent").add("account",
                        Json.createObjectBuilder().add("homePage", home).add("name", "account-" + actor.getId())))
                .add("verb", Json.createObjectBuilder().add("id", verb.iri)
                        .add("display", Json.createObjectBuilder().add("en", verb.display)))
                .add("object", Json.createObjectBuilder().add("objectType", "Activity").add("id", home + path)
                        .add("definition", Json.createObjectBuilder().add("name",
                                Json.createObjectBuilder().add("en", activityName))))
                .add("timestamp", clock.instant().toString());
        if (result != null) {
            statement.add("result", result);
        }
        em.persist(new XapiStatement(actor.getSchool(), verb.display, statement.build().toString(), clock.instant()));
    }

    /** A submission's statement, queued in the submission's transaction. */
    public void on(@Observes ReflectionSubmitted event) {
        record(event.student(), Verb.SUBMITTED, "/modules/" + event.reflection().getSlug() + "/reflection",
                event.moduleTitle(), completion());
    }

    /** A decision's statement, with the rubric score for an accepted reflection. */
    public void on(@Observes ReviewDecided event) {
        record(event.student(), Verb.REVIEWED, "/modules/" + event.reflection().getSlug() + "/reflection",
                event.moduleTitle(), event.accepted() ? score(event.score(), event.scoreMaximum()) : null);
    }

    /** A submitted self-rating's statement. */
    public void on(@Observes SelfRatingSubmitted event) {
        record(event.student(), Verb.SELF_RATED, "/curricula/" + event.curriculum() + "/milestones/"
                + event.milestone() + "/instruments/" + event.instrument(), event.instrumentTitle(), null);
    }

    public List<Long> due(int limit) {
        return em.createQuery("select s.id from XapiStatement s where s.delivery.status = :pending "
                + "and s.delivery.nextAttemptAt <= :now order by s.delivery.nextAttemptAt, s.id", Long.class)
                .setParameter("pending", Delivery.Status.PENDING)
                .setParameter("now", clock.instant()).setMaxResults(limit).getResultList();
    }

    /** Sends one statement in its own transaction, claimed first, so another server skips it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void send(long id) {
        if (!isConfigured() || !claims.claim(XapiStatement.class, id)) {
            return;
        }
        XapiStatement statement = em.find(XapiStatement.class, id);
        if (statement == null || !statement.getDelivery().isDue(clock.instant())) {
            return;
        }
        try {
            LrsClient.Answer answer = new LrsClient(endpoint.get(), username.orElse(""), password.orElse(""))
                    .send(statement.getStatementJson());
            statement.getDelivery().answered(answer.status(), answer.body(), clock.instant());
        } catch (IOException e) {
            statement.getDelivery().unreachable(e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            statement.getDelivery().unreachable("interrupted", clock.instant());
        }
        if (statement.getDelivery().getStatus() == Delivery.Status.REJECTED) {
            LOG.warning(() -> "xAPI statement " + id + " rejected by the LRS and kept: "
                    + statement.getDelivery().getLastError());
        }
    }

    /**
     * Counts per status: of the asker's school for a school administrator, of every school for the operator.
     */
    public List<Object[]> counts(Account asker) {
        return scoped(asker, "select s.delivery.status, count(s) from XapiStatement s", " group by s.delivery.status",
                Object[].class).getResultList();
    }

    /** Statements the LRS rejected or that could not be delivered, newest first, with the reason; scoped alike. */
    public List<XapiStatement> problems(Account asker, int limit) {
        return scoped(asker, "select s from XapiStatement s",
                " and s.delivery.status in :bad order by s.createdAt desc",
                XapiStatement.class).setParameter("bad", List.of(Delivery.Status.REJECTED, Delivery.Status.FAILED))
                .setMaxResults(limit).getResultList();
    }

    private <T> TypedQuery<T> scoped(Account asker, String select, String rest, Class<T> type) {
        if (asker.getRole() == Role.OPERATOR) {
            return em.createQuery(select + " where 1 = 1" + rest, type);
        }
        if (!asker.administersASchool()) {
            throw new NotFoundException("xAPI deliveries for " + asker.getRole());
        }
        return em.createQuery(select + " where s.school = :school" + rest, type).setParameter("school",
                asker.getSchool());
    }

    public static JsonObject score(double raw, double max) {
        return Json.createObjectBuilder().add("score", Json.createObjectBuilder().add("raw", raw).add("min", 0)
                .add("max", max).add("scaled", max == 0 ? 0 : raw / max)).build();
    }

    /**
     * The result of a choice in a case: whether it was the reading the module marks best, and the option chosen
     * (its position). The stance an option stands for is left out: what a trainee's stances add up to is theirs
     * alone (the private mirror).
     */
    public static JsonObject choice(boolean success, String response) {
        return Json.createObjectBuilder().add("success", success).add("response", response).build();
    }

    public static JsonObject completion() {
        return Json.createObjectBuilder().add("completion", true).build();
    }
}
