package org.securebase.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.curriculum.CurriculumDefinition.Milestone;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.instrument.SelfRating;
import org.securebase.domain.instrument.SelfRating.Perspective;
import org.securebase.domain.module.ContentVersion;
import org.securebase.infrastructure.content.ContentImporter;

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

    @EJB
    private ContentImporter content;

    @Inject
    private ModuleCatalog catalog;

    @Inject
    private Clock clock;

    public MilestoneView milestone(Account student, String curriculumSlug, String milestoneId) {
        Milestone milestone = find(curriculumSlug, milestoneId);
        Map<String, SelfRating.Status> now = new HashMap<>();
        Map<String, SelfRating.Status> then = new HashMap<>();
        for (SelfRating r : em.createNamedQuery("SelfRating.byMilestone", SelfRating.class)
                .setParameter("student", student).setParameter("curriculum", curriculumSlug)
                .setParameter("milestone", milestoneId).getResultList()) {
            (r.getPerspective() == Perspective.NOW ? now : then).put(r.getSlug(), r.getStatus());
        }
        List<MilestoneItem> items = milestone.instruments().stream().map(slug -> new MilestoneItem(slug,
                instrument(slug).title(), now.get(slug), then.get(slug))).toList();
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
        if (submit) {
            rating.submit(clock.instant());
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
        Milestone milestone = find(curriculum, milestoneId);
        if (!milestone.instruments().contains(instrument)
                || (perspective == Perspective.THEN && !milestone.retrospective())) {
            throw new NotFoundException("milestone " + milestoneId + " does not give " + instrument + " " + perspective);
        }
        SelfRating existing = em.createNamedQuery("SelfRating.find", SelfRating.class)
                .setParameter("student", student).setParameter("curriculum", curriculum)
                .setParameter("milestone", milestoneId).setParameter("slug", instrument)
                .setParameter("perspective", perspective).getResultStream().findFirst().orElse(null);
        if (existing != null) {
            return existing;
        }
        ContentVersion version = em.createNamedQuery("ContentVersion.currentBySlug", ContentVersion.class)
                .setParameter("kind", ContentVersion.INSTRUMENT).setParameter("slug", instrument)
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("no instrument " + instrument));
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

    private Milestone find(String curriculumSlug, String milestoneId) {
        return content.curricula().stream().filter(c -> c.slug().equals(curriculumSlug)).findFirst()
                .flatMap(c -> c.milestones().stream().filter(m -> m.id().equals(milestoneId)).findFirst())
                .orElseThrow(() -> new NotFoundException("no milestone " + curriculumSlug + "/" + milestoneId));
    }

    private InstrumentDefinition instrument(String slug) {
        return content.instruments().stream().filter(i -> i.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new NotFoundException("no instrument " + slug));
    }

    /** The curriculum by slug, for pages that link to its milestones. */
    public CurriculumDefinition curriculum(String slug) {
        return content.curricula().stream().filter(c -> c.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new NotFoundException("no curriculum " + slug));
    }
}
