package org.securebase.application;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.securebase.application.content.ContentCatalog;
import org.securebase.application.xapi.XapiService;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.module.ModuleDefinition;
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
    private ReviewService reviews;

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

    /** Opens a module for the student, starting it (pinned to the current version) on first visit. */
    public CaseView open(Account student, String slug) {
        ModuleProgress progress = progress(student, slug).orElse(null);
        if (progress == null) {
            long current = catalog.currentModule(slug).getId();
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

    public CaseView answer(Account student, String slug, int stageIndex, int optionIndex) {
        ModuleProgress progress = progress(student, slug).orElseThrow(() -> new NotFoundException(slug));
        var definition = catalog.module(progress.getContentVersion());
        progress.answer(definition, stageIndex, optionIndex, clock.instant());
        var question = definition.stages().get(stageIndex).question();
        if (question != null && optionIndex >= 0 && optionIndex < question.options().size()) {
            xapi.record(student, XapiService.Verb.ANSWERED, "/modules/" + slug
                    + "/stages/" + (stageIndex + 1),
                    definition.title() + ": " + definition.stages().get(stageIndex)
                            .title(),
                    XapiService.success(
                            question.options().get(optionIndex).correct()));
        }
        return view(student, progress);
    }

    public CaseView advance(Account student, String slug) {
        ModuleProgress progress = progress(student, slug).orElseThrow(() -> new NotFoundException(slug));
        progress.advance(catalog.module(progress.getContentVersion()), clock.instant());
        return view(student, progress);
    }

    /** The student's progress on a module, if they have opened it. */
    public Optional<ModuleProgress> progress(Account student, String slug) {
        return em.createNamedQuery("ModuleProgress.byStudentAndSlug", ModuleProgress.class)
                .setParameter("student", student).setParameter("slug", slug).getResultStream().findFirst();
    }

    private CaseView view(Account student, ModuleProgress progress) {
        ModuleDefinition definition = catalog.module(progress.getContentVersion());
        List<Optional<Integer>> chosen = new ArrayList<>();
        for (int i = 0; i < definition.stages().size(); i++) {
            chosen.add(progress.chosenOption(i));
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
        return new CaseView(definition, progress.getStagesRevealed(), chosen, progress.isComplete(definition), drafts,
                reflection == null ? null : reflection.getId(), latest,
                reflection == null ? null : reflection.getStatus(), feedback,
                feedback == null ? null : catalog.rubric(feedback.getRubric()));
    }
}
