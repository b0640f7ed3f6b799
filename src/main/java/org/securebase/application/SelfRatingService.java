package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.curriculum.CurriculumDefinition.Milestone;
import org.securebase.domain.instrument.ChangeStatistics;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.instrument.SelfRating;
import org.securebase.domain.instrument.SelfRating.Perspective;
import org.securebase.domain.instrument.SelfRatingSubmitted;
import org.securebase.domain.module.ContentVersion;

/**
 * Self-ratings at the curriculum's milestones: which instruments a milestone gives, the student's ratings of
 * them, saving partial answers and submitting once. A student only ever reaches their own ratings.
 */
@Stateless
public class SelfRatingService {

    /** One instrument at a milestone, with where the student stands (null status: not started). */
    public record MilestoneItem(String instrument, String title, SelfRating.Status now, SelfRating.Status then) {
    }

    public record MilestoneView(String curriculum, Milestone milestone, List<MilestoneItem> items) {
    }

    /** What the rating page needs: the instrument as rated, and the student's rating of it so far. */
    public record RatingView(InstrumentDefinition instrument, Perspective perspective, Map<String, Integer> answers,
            boolean submitted) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ContentCatalog catalog;

    /** The xAPI statement follows a submitted rating as an observer, in this transaction. */
    @Inject
    private Event<SelfRatingSubmitted> rated;

    @Inject
    private Clock clock;

    @Inject
    private CohortPlanService plans;

    public MilestoneView milestone(Account student, String curriculumSlug, String milestoneId) {
        Milestone milestone = find(student, curriculumSlug, milestoneId);
        Map<String, SelfRating.Status> now = new HashMap<>();
        Map<String, SelfRating.Status> then = new HashMap<>();
        for (SelfRating r : em.createNamedQuery("SelfRating.byMilestone", SelfRating.class)
                .setParameter("student", student).setParameter("curriculum", curriculumSlug)
                .setParameter("milestone", milestoneId).getResultList()) {
            (r.getPerspective() == Perspective.NOW ? now : then).put(r.getSlug(), r.getStatus());
        }
        if (now.isEmpty() && then.isEmpty()) {
            plans.requireMilestoneReleased(student, curriculumSlug, milestoneId);
        }
        List<MilestoneItem> items = milestone.instruments().stream().map(slug -> new MilestoneItem(slug,
                catalog.instrument(slug, student.getSchool()).title(), now.get(slug), then.get(slug))).toList();
        return new MilestoneView(curriculumSlug, milestone, items);
    }

    public RatingView open(Account student, String curriculum, String milestone, String instrument,
            Perspective perspective) {
        return view(ratingFor(student, curriculum, milestone, instrument, perspective, false));
    }

    /** Saves the answers given (a partial set is fine) and, when asked, submits the rating. */
    public RatingView save(Account student, String curriculum, String milestone, String instrument,
            Perspective perspective, Map<String, Integer> answers, boolean submit) {
        SelfRating rating = ratingFor(student, curriculum, milestone, instrument, perspective, true);
        InstrumentDefinition definition = catalog.instrument(rating.getContentVersion());
        if (!rating.isSubmitted()) {
            rating.record(definition, answers, clock.instant());
        }
        if (submit && !rating.isSubmitted()) {
            rating.submit(clock.instant());
            rated.fire(new SelfRatingSubmitted(student, curriculum, milestone,
                    instrument, definition.title()));
        }
        em.flush();
        return view(rating);
    }

    /** Submitted "now" ratings per milestone of a curriculum, for the student's overview. */
    public Map<String, Long> submittedPerMilestone(Account student, String curriculum) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : em.createNamedQuery("SelfRating.submittedCounts", Object[].class)
                .setParameter("student", student).setParameter("curriculum", curriculum)
                .setParameter("perspective", Perspective.NOW).setParameter("status", SelfRating.Status.SUBMITTED)
                .getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    private SelfRating ratingFor(Account student, String curriculum, String milestoneId, String instrument,
            Perspective perspective, boolean create) {
        Milestone milestone = find(student, curriculum, milestoneId);
        if (!milestone.instruments().contains(instrument)
                || (perspective == Perspective.THEN && !milestone.retrospective())) {
            throw new NotFoundException(
                    "milestone " + milestoneId + " does not give " + instrument + " " + perspective);
        }
        SelfRating existing = em.createNamedQuery("SelfRating.find", SelfRating.class)
                .setParameter("student", student).setParameter("curriculum", curriculum)
                .setParameter("milestone", milestoneId).setParameter("slug", instrument)
                .setParameter("perspective", perspective).getResultStream().findFirst().orElse(null);
        if (existing != null) {
            return existing;
        }
        plans.requireMilestoneReleased(student, curriculum, milestoneId);
        ContentVersion version = catalog.currentInstrument(instrument, student.getSchool());
        SelfRating rating = new SelfRating(student, version, curriculum, milestoneId, perspective, clock.instant());
        if (create) {
            em.persist(rating);
        }
        return rating;
    }

    private RatingView view(SelfRating rating) {
        return new RatingView(catalog.instrument(rating.getContentVersion()), rating.getPerspective(),
                rating.getAnswers(), rating.isSubmitted());
    }

    /** The milestone as the student meets it: with the instruments their plan adds to it. */
    private Milestone find(Account student, String curriculumSlug, String milestoneId) {
        return plans.curriculumFor(student, curriculumSlug)
                .flatMap(c -> c.milestones().stream().filter(m -> m.id().equals(milestoneId)).findFirst())
                .orElseThrow(() -> new NotFoundException("no milestone " + curriculumSlug + "/" + milestoneId));
    }

    /**
     * Every submitted rating of the student, per instrument, in curriculum order, with scores and reliable change.
     * Three queries whatever the number of ratings: the student's ratings, and one baseline per instrument.
     */
    public List<SelfRatingResults> results(Account student, CurriculumDefinition curriculum) {
        List<SelfRating> mine = em.createQuery("select r from SelfRating r where r.student = :student "
                + "and r.curriculum = :curriculum and r.status = :status", SelfRating.class)
                .setParameter("student", student).setParameter("curriculum", curriculum.slug())
                .setParameter("status", SelfRating.Status.SUBMITTED)
                .setHint(Fetch.BATCH, "r.answers").getResultList();
        List<Milestone> milestones = curriculum.milestones();
        List<SelfRatingResults> results = new ArrayList<>();
        for (String slug : milestones.stream().flatMap(m -> m.instruments().stream()).distinct().toList()) {
            List<SelfRating> ratings = mine.stream().filter(r -> r.getSlug().equals(slug))
                    .sorted(Comparator.comparingInt((SelfRating r) -> position(milestones, r.getMilestone()))
                            .thenComparing(r -> r.getPerspective() == Perspective.NOW))
                    .toList();
            if (ratings.isEmpty()) {
                continue;
            }
            InstrumentDefinition latest = catalog.instrument(ratings.get(ratings.size() - 1).getContentVersion());
            List<SelfRatingResults.Column> columns = new ArrayList<>();
            Map<String, List<Optional<Double>>> scores = new LinkedHashMap<>();
            latest.subscales().forEach(s -> scores.put(s.id(), new ArrayList<>()));
            for (SelfRating r : ratings) {
                Milestone m = milestones.get(position(milestones, r.getMilestone()));
                columns.add(new SelfRatingResults.Column(m.id(), m.title(), r.getPerspective()));
                var score = r.score(catalog.instrument(r.getContentVersion()));
                scores.forEach((id, list) -> list.add(score.subscales().containsKey(id)
                        ? score.subscales().get(id).value() : Optional.empty()));
            }
            results.add(new SelfRatingResults(latest, columns, scores,
                    change(latest, curriculum, milestones, ratings, columns, scores), placement(ratings, milestones)));
        }
        return results;
    }

    /** The latest "now" rating's place on the instrument's two classification subscales, if it has them. */
    private Optional<SelfRatingResults.Position> placement(List<SelfRating> ratings, List<Milestone> milestones) {
        for (int i = ratings.size() - 1; i >= 0; i--) {
            SelfRating r = ratings.get(i);
            InstrumentDefinition instrument = catalog.instrument(r.getContentVersion());
            if (r.getPerspective() != Perspective.NOW || instrument.classification() == null) {
                continue;
            }
            var score = r.score(instrument);
            var x = score.subscales().get(instrument.classification().x());
            var y = score.subscales().get(instrument.classification().y());
            if (x == null || y == null || x.value().isEmpty() || y.value().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new SelfRatingResults.Position(
                    milestones.get(position(milestones, r.getMilestone())).title(), x.value().get(),
                    x.standardError().orElse(0.0), y.value().get(), y.standardError().orElse(0.0)));
        }
        return Optional.empty();
    }

    /** First and latest "now" scores per subscale, judged against the file's or the baseline's SD and reliability. */
    private Map<String, Optional<ChangeStatistics.ReliableChange>> change(InstrumentDefinition instrument,
            CurriculumDefinition curriculum, List<Milestone> milestones, List<SelfRating> ratings,
            List<SelfRatingResults.Column> columns, Map<String, List<Optional<Double>>> scores) {
        Map<String, Optional<ChangeStatistics.ReliableChange>> change = new LinkedHashMap<>();
        List<Integer> now = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).perspective() == Perspective.NOW) {
                now.add(i);
            }
        }
        Baseline baseline = null;
        for (InstrumentDefinition.Subscale s : instrument.subscales()) {
            Optional<ChangeStatistics.ReliableChange> value = Optional.empty();
            if (now.size() >= 2) {
                var first = scores.get(s.id()).get(now.get(0));
                var last = scores.get(s.id()).get(now.get(now.size() - 1));
                Double sd = s.sd();
                Double r = s.reliability();
                if ((sd == null || r == null) && first.isPresent() && last.isPresent()) {
                    if (baseline == null) {
                        baseline = baseline(instrument, ratings.get(ratings.size() - 1).getContentVersion()
                                .getLibrary(), curriculum, milestones);
                    }
                    sd = sd == null ? baseline.sd().get(s.id()) : sd;
                    r = r == null ? baseline.reliability().get(s.id()) : r;
                }
                if (first.isPresent() && last.isPresent() && sd != null && r != null && sd > 0 && r >= 0 && r < 1) {
                    value = Optional.of(ChangeStatistics.reliableChange(first.get(), last.get(), sd, r));
                }
            }
            change.put(s.id(), value);
        }
        return change;
    }

    /** SD of subscale scores and Cronbach's alpha of its items at the first milestone giving the instrument. */
    private record Baseline(Map<String, Double> sd, Map<String, Double> reliability) {
    }

    private Baseline baseline(InstrumentDefinition instrument, String library, CurriculumDefinition curriculum,
            List<Milestone> milestones) {
        Map<String, Double> sds = new HashMap<>();
        Map<String, Double> alphas = new HashMap<>();
        String first = milestones.stream().filter(m -> m.instruments().contains(instrument.slug())).findFirst()
                .map(Milestone::id).orElse(null);
        // A school's own instrument is baselined on its own students' ratings only (another school may use the
        // same slug for another instrument); a shared one on everyone's, as before.
        List<SelfRating> cohort = em.createQuery("select r from SelfRating r where r.curriculum = :curriculum "
                + "and r.milestone = :milestone and r.slug = :slug and r.perspective = :perspective "
                + "and r.status = :status and r.contentVersion.library = :library", SelfRating.class)
                .setParameter("library", library)
                .setParameter("curriculum", curriculum.slug()).setParameter("milestone", first)
                .setParameter("slug", instrument.slug()).setParameter("perspective", Perspective.NOW)
                .setParameter("status", SelfRating.Status.SUBMITTED)
                .setHint(Fetch.BATCH, "r.answers").getResultList();
        if (cohort.size() < ChangeStatistics.MIN_COHORT) {
            return new Baseline(sds, alphas);
        }
        for (InstrumentDefinition.Subscale s : instrument.subscales()) {
            double[] values = cohort.stream().map(r -> r.score(instrument).subscales().get(s.id()).value())
                    .filter(Optional::isPresent).mapToDouble(Optional::get).toArray();
            List<double[]> rows = cohort.stream().map(SelfRating::getAnswers)
                    .filter(a -> s.items().stream().allMatch(a::containsKey))
                    .map(a -> s.items().stream().mapToDouble(id -> instrument.item(id).orElseThrow().reverse()
                            ? instrument.scale().reverse(a.get(id)) : a.get(id)).toArray())
                    .toList();
            if (values.length >= ChangeStatistics.MIN_COHORT) {
                sds.put(s.id(), ChangeStatistics.sampleSd(values));
                ChangeStatistics.cronbachAlpha(rows).ifPresent(a -> alphas.put(s.id(), a));
            }
        }
        return new Baseline(sds, alphas);
    }

    static int position(List<Milestone> milestones, String id) {
        for (int i = 0; i < milestones.size(); i++) {
            if (milestones.get(i).id().equals(id)) {
                return i;
            }
        }
        return milestones.size();
    }

    /**
     * The student's own submitted ratings as rows for a CSV file, long format: one row per answer and one per
     * subscale score, each naming the curriculum, milestone, perspective, instrument and its version.
     */
    public List<List<String>> exportRows(Account student) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("curriculum", "milestone", "perspective", "instrument", "instrument_version", "submitted_at",
                "kind", "id", "value"));
        for (SelfRating r : em
                .createQuery("select r from SelfRating r where r.student = :student and r.status = :status "
                        + "order by r.submittedAt", SelfRating.class)
                .setParameter("student", student)
                .setParameter("status", SelfRating.Status.SUBMITTED).setHint(Fetch.BATCH, "r.answers")
                .getResultList()) {
            InstrumentDefinition instrument = catalog.instrument(r.getContentVersion());
            List<String> head = List.of(r.getCurriculum(), r.getMilestone(), r.getPerspective().name().toLowerCase(),
                    r.getSlug(), String.valueOf(r.getContentVersion().getVersionNumber()),
                    r.getSubmittedAt().toString());
            rows.addAll(answerAndScoreRows(head, r, instrument));
        }
        return rows;
    }

    /** One row per answer and one per subscale score of a rating, each after {@code head}: for CSV exports. */
    static List<List<String>> answerAndScoreRows(List<String> head, SelfRating r, InstrumentDefinition instrument) {
        List<List<String>> rows = new ArrayList<>();
        for (InstrumentDefinition.Item item : instrument.items()) {
            Integer answer = r.getAnswers().get(item.id());
            rows.add(row(head, "answer", item.id(), answer == null ? "" : answer.toString()));
        }
        r.score(instrument).subscales().forEach((id, score) -> rows.add(row(head, "score", id,
                score.value().map(v -> String.format(Locale.ROOT, "%.3f", v)).orElse(""))));
        return rows;
    }

    private static List<String> row(List<String> head, String kind, String id, String value) {
        List<String> row = new ArrayList<>(head);
        row.addAll(List.of(kind, id, value));
        return row;
    }

    /** The curriculum by slug, for pages that link to its milestones. */
    public CurriculumDefinition curriculum(String slug) {
        return catalog.curriculum(slug);
    }
}
