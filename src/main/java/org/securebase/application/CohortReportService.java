package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.curriculum.CurriculumDefinition.Milestone;
import org.securebase.domain.instrument.ChangeStatistics;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.instrument.InstrumentScoring;
import org.securebase.domain.instrument.SelfRating;
import org.securebase.domain.instrument.SelfRating.Perspective;
import org.securebase.domain.school.Cohort;

/**
 * A cohort's self-ratings as staff see them: distributions per milestone and mean change, never a single student's
 * answers, and nothing at all below {@value ChangeStatistics#MIN_COHORT} students. Instruments whose file marks
 * results as private are left out. School administrators can also export a pseudonymised file for research.
 */
@Stateless
public class CohortReportService {

    /** Bins of a distribution: equal widths over the possible range of the score. */
    public static final int BINS = 6;

    /** The shortest export key accepted: long enough that pseudonyms cannot be recomputed by guessing it. */
    public static final int EXPORT_KEY_MIN = 12;

    public record Distribution(int n, double mean, double sd, int[] bins) {
    }

    public record MilestoneColumn(String id, String title, int respondents) {
    }

    /** One subscale: its distribution at each milestone (empty below the minimum) and its change. */
    public record SubscaleReport(InstrumentDefinition.Subscale subscale, List<Optional<Distribution>> distributions,
            int pairs, Optional<ChangeStatistics.CohortChange> change, int retrospectivePairs,
            Optional<ChangeStatistics.CohortChange> retrospectiveChange) {
    }

    /**
     * @param first and last: the milestones the change runs between (the first and last giving the instrument)
     * @param low and high: the possible range of subscale scores, for charts
     */
    public record InstrumentReport(InstrumentDefinition instrument, List<MilestoneColumn> milestones,
            MilestoneColumn first, MilestoneColumn last, double low, double high, List<SubscaleReport> subscales) {
    }

    public record Report(Cohort cohort, CurriculumDefinition curriculum, long students,
            List<InstrumentReport> instruments) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private org.securebase.application.privacy.ConsentService consent;

    @Inject
    private Memberships memberships;

    @Inject
    private CohortService cohorts;

    @Inject
    private CurriculumService curricula;

    @Inject
    private ContentCatalog catalog;

    /**
     * Two queries whatever the cohort's size: the students' count and their submitted ratings with answers. Titles
     * (instruments, subscales, milestones) are in the reader's language where the content is translated.
     */
    public Optional<Report> report(Account staff, long cohortId, Locale reader) {
        Cohort cohort = cohorts.requireVisible(staff, cohortId);
        Optional<CurriculumDefinition> curriculum = curricula.curriculumFor(cohort);
        if (curriculum.isEmpty()) {
            return Optional.empty();
        }
        long students = memberships.count(cohortId, Role.STUDENT);
        List<SelfRating> ratings = shareable(submitted(cohortId, curriculum.get()));
        List<InstrumentReport> instruments = new ArrayList<>();
        List<Milestone> milestones = curriculum.get().milestones();
        Map<String, String> titles = new HashMap<>();
        catalog.inLanguage(curriculum.get(), reader).milestones().forEach(m -> titles.put(m.id(), m.title()));
        for (String slug : milestones.stream().flatMap(m -> m.instruments().stream()).distinct().toList()) {
            List<SelfRating> ofInstrument = ratings.stream().filter(r -> r.getSlug().equals(slug)).toList();
            if (!ofInstrument.isEmpty()) {
                instruments.add(instrumentReport(milestones, slug, ofInstrument, titles, reader));
            }
        }
        return Optional.of(new Report(cohort, curriculum.get(), students, instruments));
    }

    private InstrumentReport instrumentReport(List<Milestone> milestones, String slug, List<SelfRating> ratings,
            Map<String, String> titles, Locale reader) {
        InstrumentDefinition latest = ratings.stream().max(Comparator.comparingInt(
                r -> r.getContentVersion().getVersionNumber())).map(r -> catalog.instrument(r.getContentVersion()))
                .orElseThrow();
        // A translation has the same items and subscales (ids), so it only changes what is shown.
        InstrumentDefinition shown = catalog.inLanguage(latest, reader);
        List<Milestone> giving = milestones.stream().filter(m -> m.instruments().contains(slug)).toList();
        // Scores per milestone and student, "now" and "looking back".
        Map<String, Map<Long, Scores>> now = new HashMap<>();
        Map<String, Map<Long, Scores>> then = new HashMap<>();
        for (SelfRating r : ratings) {
            (r.getPerspective() == Perspective.NOW ? now : then).computeIfAbsent(r.getMilestone(), k -> new HashMap<>())
                    .put(r.getStudent().getId(), Scores.of(r.score(catalog.instrument(r.getContentVersion()))));
        }
        List<MilestoneColumn> columns = giving.stream().map(m -> new MilestoneColumn(m.id(),
                titles.getOrDefault(m.id(), m.title()),
                now.getOrDefault(m.id(), Map.of()).size())).toList();
        double[] range = range(latest);
        List<SubscaleReport> subscales = new ArrayList<>();
        Milestone first = giving.get(0);
        Milestone last = giving.get(giving.size() - 1);
        for (InstrumentDefinition.Subscale s : shown.subscales()) {
            List<Optional<Distribution>> distributions = giving.stream().map(m -> distribution(
                    values(now.getOrDefault(m.id(), Map.of()), s.id()), range)).toList();
            List<double[]> pairs = giving.size() < 2 ? List.of()
                    : pairs(now.getOrDefault(first.id(), Map.of()), now.getOrDefault(last.id(), Map.of()), s.id());
            List<double[]> retro = pairs(then.getOrDefault(last.id(), Map.of()), now.getOrDefault(last.id(), Map.of()),
                    s.id());
            subscales.add(new SubscaleReport(s, distributions, pairs.size(), ChangeStatistics.cohortChange(pairs),
                    retro.size(), ChangeStatistics.cohortChange(retro)));
        }
        return new InstrumentReport(shown, columns, columns.get(0), columns.get(columns.size() - 1), range[0],
                range[1], subscales);
    }

    /** The subscale values a rating produced (empty: not scorable). */
    private record Scores(Map<String, Optional<Double>> values) {
        static Scores of(InstrumentScoring.Score score) {
            Map<String, Optional<Double>> values = new HashMap<>();
            score.subscales().forEach((id, s) -> values.put(id, s.value()));
            return new Scores(values);
        }
    }

    private static double[] values(Map<Long, Scores> scores, String subscale) {
        return scores.values().stream().map(s -> s.values().getOrDefault(subscale, Optional.empty()))
                .flatMap(Optional::stream).mapToDouble(Double::doubleValue).toArray();
    }

    private static List<double[]> pairs(Map<Long, Scores> before, Map<Long, Scores> after,
            String subscale) {
        List<double[]> pairs = new ArrayList<>();
        before.forEach((student, b) -> {
            Scores a = after.get(student);
            Optional<Double> x = b.values().getOrDefault(subscale, Optional.empty());
            Optional<Double> y = a == null ? Optional.empty() : a.values().getOrDefault(subscale, Optional.empty());
            if (x.isPresent() && y.isPresent()) {
                pairs.add(new double[] {x.get(), y.get()});
            }
        });
        return pairs;
    }

    /** Counts in {@value #BINS} equal bins over [low, high]; the top value falls in the last bin. */
    static Optional<Distribution> distribution(double[] values, double[] range) {
        if (values.length < ChangeStatistics.MIN_COHORT) {
            return Optional.empty();
        }
        int[] bins = new int[BINS];
        double width = (range[1] - range[0]) / BINS;
        double sum = 0;
        for (double v : values) {
            bins[Math.min(BINS - 1, Math.max(0, (int) Math.floor((v - range[0]) / width)))]++;
            sum += v;
        }
        return Optional.of(new Distribution(values.length, sum / values.length, ChangeStatistics.sampleSd(values),
                bins));
    }

    /** The possible range of the instrument's subscale scores: the scale, times the items for a sum. */
    static double[] range(InstrumentDefinition instrument) {
        int items = instrument.subscales().stream().filter(s -> s.rule() == InstrumentDefinition.ScoreRule.SUM)
                .mapToInt(s -> s.items().size()).max().orElse(1);
        return new double[] {instrument.scale().min() * items, instrument.scale().max() * items};
    }

    private List<SelfRating> submitted(long cohortId, CurriculumDefinition curriculum) {
        return em.createQuery("select r from SelfRating r join fetch r.student where r.curriculum = :curriculum "
                + "and r.status = :status and r.student in (select m from Cohort c join c.members m "
                + "where c.id = :cohort and m.role = :student)", SelfRating.class)
                .setParameter("curriculum", curriculum.slug()).setParameter("status", SelfRating.Status.SUBMITTED)
                .setParameter("cohort", cohortId).setParameter("student", Role.STUDENT)
                .setHint(Fetch.BATCH, "r.answers").getResultList();
    }

    /** Ratings of instruments whose results are private to the student never leave this class. */
    private List<SelfRating> shareable(List<SelfRating> ratings) {
        return ratings.stream().filter(r -> !catalog.instrument(r.getContentVersion()).privateResults()).toList();
    }

    /**
     * The cohort's submitted ratings for research: long format, one row per answer and per subscale score, each
     * with a pseudonym instead of the student. The same key gives the same pseudonyms in every export; without the
     * key they cannot be linked to people. No names, e-mails, account ids or times of day. Only trainees who
     * consented to research use (and have not withdrawn) are in it.
     */
    public List<List<String>> pseudonymisedRows(Account admin, long cohortId, String exportKey) {
        if (admin.getRole() != Role.SCHOOL_ADMIN) {
            throw new NotFoundException("export for " + admin.getRole());
        }
        if (exportKey == null || exportKey.strip().length() < EXPORT_KEY_MIN) {
            throw new BusinessException("cohort.exportKeyShort", "export key too short");
        }
        Cohort cohort = cohorts.requireVisible(admin, cohortId);
        CurriculumDefinition curriculum = curricula.curriculumFor(cohort)
                .orElseThrow(() -> new NotFoundException("no curriculum"));
        Mac mac = mac(exportKey.strip());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("pseudonym", "curriculum", "milestone", "perspective", "instrument", "instrument_version",
                "submitted_on", "kind", "id", "value"));
        List<SelfRating> ratings = new ArrayList<>(shareable(submitted(cohortId, curriculum)));
        // Research use only with the trainee's consent, as their latest decision says (a withdrawal counts at once).
        java.util.Set<Long> consenting = consent.consenting(ratings.stream().map(r -> r.getStudent().getId())
                .distinct().toList());
        ratings.removeIf(r -> !consenting.contains(r.getStudent().getId()));
        Map<Long, String> pseudonyms = new LinkedHashMap<>();
        ratings.forEach(r -> pseudonyms.computeIfAbsent(r.getStudent().getId(), id -> pseudonym(mac, id)));
        ratings.sort(Comparator.comparing((SelfRating r) -> pseudonyms.get(r.getStudent().getId()))
                .thenComparing(r -> SelfRatingService.position(curriculum.milestones(), r.getMilestone()))
                .thenComparing(SelfRating::getSlug).thenComparing(r -> r.getPerspective().name()));
        for (SelfRating r : ratings) {
            InstrumentDefinition instrument = catalog.instrument(r.getContentVersion());
            List<String> head = List.of(pseudonyms.get(r.getStudent().getId()), r.getCurriculum(), r.getMilestone(),
                    r.getPerspective().name().toLowerCase(Locale.ROOT), r.getSlug(),
                    String.valueOf(r.getContentVersion().getVersionNumber()),
                    r.getSubmittedAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
            rows.addAll(SelfRatingService.answerAndScoreRows(head, r, instrument));
        }
        return rows;
    }

    private static Mac mac(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** "P-" and 12 hex digits of HMAC-SHA256(key, account id): stable per key, unlinkable without it. */
    static String pseudonym(Mac mac, long accountId) {
        byte[] digest = mac.doFinal(("securebase-student:" + accountId).getBytes(StandardCharsets.UTF_8));
        return "P-" + HexFormat.of().formatHex(digest, 0, 6);
    }

}
