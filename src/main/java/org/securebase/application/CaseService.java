package org.securebase.application;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.securebase.application.content.ContentCatalog;
import org.securebase.application.xapi.XapiService;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.ModuleDefinition.Option;
import org.securebase.domain.module.ModuleDefinition.Stage;
import org.securebase.domain.module.ModuleProgress;
import org.securebase.domain.reflection.Reflection;
import org.securebase.domain.reflection.ReflectionVersion;
import org.securebase.domain.review.Review;

/**
 * A student's reading of a case (the {@link ModuleProgress} aggregate): opening it, answering recognition
 * questions, moving on stage by stage. Only ever acts on the calling student's own progress.
 */
@Stateless
public class CaseService {

    @Inject
    private XapiService xapi;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private Clock clock;

    @Inject
    private FirstTime firstTime;

    @Inject
    private CohortPlanService plans;

    /** Opens a module for the student, starting it (pinned to the current version) on first visit. */
    public CaseView open(Account student, String slug) {
        ModuleProgress progress = progress(student, slug).orElse(null);
        if (progress == null) {
            plans.requireReleased(student, slug);
            long current = catalog.currentModule(slug, student.getSchool()).getId();
            try {
                firstTime.create(() -> em.persist(new ModuleProgress(em.getReference(Account.class, student.getId()),
                        catalog.version(current), clock.instant())));
            } catch (EJBException startedAtTheSameMoment) {
                // Another request of the student's started it first: theirs is the one.
            }
            progress = progress(student, slug).orElseThrow(() -> new NotFoundException(slug));
        }
        return view(student, progress);
    }

    /** Commits the student to an option at a stage on their path; the xAPI statement names the stage and choice. */
    public CaseView answer(Account student, String slug, int stageIndex, int optionIndex) {
        ModuleProgress progress = progress(student, slug).orElseThrow(() -> new NotFoundException(slug));
        ModuleDefinition definition = catalog.module(progress.getContentVersion());
        boolean first = progress.chosenOption(stageIndex).isEmpty();
        progress.answer(definition, stageIndex, optionIndex, clock.instant());
        if (first) {
            Stage stage = definition.stages().get(stageIndex);
            Option chosen = stage.question().options().get(optionIndex);
            xapi.record(student, XapiService.Verb.ANSWERED, "/modules/" + slug + "/stages/" + stage.id(),
                    definition.title() + ": " + stage.title(), XapiService.choice(chosen.correct(),
                            String.valueOf(optionIndex)));
        }
        return view(student, progress);
    }

    public CaseView advance(Account student, String slug) {
        ModuleProgress progress = progress(student, slug).orElseThrow(() -> new NotFoundException(slug));
        progress.advance(catalog.module(progress.getContentVersion()), clock.instant());
        return view(student, progress);
    }

    /**
     * Replays the case along {@code choices} (an option per stage with a question, in order), writing nothing: the
     * roads not taken, with their consequences. Only once the reflection is submitted, so the first way through
     * is the trainee's own.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ReplayView replay(Account student, String slug, List<Integer> choices) {
        ModuleProgress progress = progress(student, slug).orElseThrow(() -> new NotFoundException(slug));
        Reflection reflection = em.createNamedQuery("Reflection.byStudentAndSlug", Reflection.class)
                .setParameter("student", student).setParameter("slug", slug).getResultStream().findFirst()
                .orElse(null);
        if (reflection == null || reflection.latestVersion().isEmpty()) {
            throw new BusinessException("replay.afterSubmit", "replay of " + slug + " before submitting");
        }
        ModuleDefinition definition = catalog.module(progress.getContentVersion());
        List<Integer> own = progress.path(definition);
        return ReplayView.walk(definition, choices, index -> own.contains(index) ? progress.chosenOption(index)
                .orElse(null) : null);
    }

    /**
     * The path the student's case took, for the tutor beside the reflection (empty if never opened), in the reader's
     * language where the module has a translation of the same shape.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<PathStep> pathOf(Account student, String slug, Locale reader) {
        return progress(student, slug).map(progress -> {
            ModuleDefinition definition = catalog.inLanguage(catalog.module(progress.getContentVersion()), reader);
            return progress.path(definition).stream().map(i -> {
                Stage stage = definition.stages().get(i);
                Integer chosen = progress.chosenOption(i).orElse(null);
                Option option = chosen == null ? null : stage.question().options().get(chosen);
                return new PathStep(stage.title(), option == null ? null : option.text(),
                        option == null ? null : option.stance(), option != null && option.correct(),
                        progress.answeredAt(i).orElse(null));
            }).toList();
        }).orElse(List.of());
    }

    /** The student's progress on a module, if they have opened it. */
    public Optional<ModuleProgress> progress(Account student, String slug) {
        return em.createNamedQuery("ModuleProgress.byStudentAndSlug", ModuleProgress.class)
                .setParameter("student", student).setParameter("slug", slug).getResultStream().findFirst();
    }

    private CaseView view(Account student, ModuleProgress progress) {
        ModuleDefinition definition = catalog.module(progress.getContentVersion());
        List<CaseView.Step> path = new ArrayList<>();
        for (int index : progress.path(definition)) {
            path.add(new CaseView.Step(index, definition.stages().get(index),
                    progress.chosenOption(index).orElse(null)));
        }
        Reflection reflection = em.createNamedQuery("Reflection.byStudentAndSlug", Reflection.class)
                .setParameter("student", student).setParameter("slug", progress.getSlug())
                .getResultStream().findFirst().orElse(null);
        List<CaseView.Draft> drafts = definition.prompts().stream().map(p -> reflection == null
                ? new CaseView.Draft(p, "", 0, null)
                : reflection.draft(p.id()).map(d -> new CaseView.Draft(p, d.getText(), d.getRevision(), d.getSavedAt()))
                        .orElseGet(() -> new CaseView.Draft(p, "", 0, null)))
                .toList();
        ReflectionVersion latest = reflection == null ? null : reflection.latestVersion().orElse(null);
        Review feedback = latest == null ? null : em.createNamedQuery("Review.decidedOf", Review.class)
                .setParameter("version", latest).setHint(Fetch.JOIN, "r.comments")
                .setHint(Fetch.JOIN, "r.comments.author").setHint(Fetch.JOIN, "r.tutor")
                .getResultStream().findFirst().orElse(null);
        return new CaseView(definition, path, progress.hasNext(definition), progress.isComplete(definition), drafts,
                reflection == null ? null : reflection.getId(), latest,
                reflection == null ? null : reflection.getStatus(), feedback,
                feedback == null ? null : catalog.rubric(feedback.getRubric()));
    }
}
