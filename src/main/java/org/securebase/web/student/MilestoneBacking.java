package org.securebase.web.student;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.SelfRatingService;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.NotFoundException;
import org.securebase.web.LocaleBacking;

/** /student/milestone.xhtml?c=curriculum&milestone=id: the self-ratings due at one milestone. */
@Named
@RequestScoped
public class MilestoneBacking {

    @Inject
    private SelfRatingService ratings;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private LocaleBacking language;

    @Inject
    @Param(name = "c")
    private String curriculum;

    @Inject
    @Param(name = "milestone")
    private String milestone;

    private SelfRatingService.MilestoneView view;

    @PostConstruct
    void load() {
        try {
            view = ratings.milestone(currentUser.require(), curriculum, milestone);
            Locale locale = language.getLocale();
            // In the reader's language: the milestone's title from the curriculum's translation, the instruments'.
            var translated = catalog.findCurriculum(view.curriculum()).map(c -> catalog.inLanguage(c, locale))
                    .flatMap(c -> c.milestones().stream().filter(m -> m.id().equals(view.milestone().id())).findFirst())
                    .orElse(view.milestone());
            view = new SelfRatingService.MilestoneView(view.curriculum(), translated, view.items().stream()
                    .map(i -> new SelfRatingService.MilestoneItem(i.instrument(), catalog.instruments().stream()
                            .filter(d -> d.slug().equals(i.instrument())).findFirst()
                            .map(d -> catalog.inLanguage(d, locale).title()).orElse(i.title()), i.now(), i.then()))
                    .toList());
        } catch (org.securebase.domain.curriculum.NotReleased e) {
            notYet = e;
        } catch (NotFoundException e) {
            // verify() answers 404 before anything is rendered.
        }
    }

    /** Runs before rendering: an unknown milestone is "not found". */
    /** Set when the step opens later: verify() sends the student back to the curriculum, which says when. */
    private org.securebase.domain.curriculum.NotReleased notYet;

    public void verify() {
        if (notYet != null) {
            org.securebase.web.util.Bundle.notYetOpen(notYet);
            return;
        }
        if (view == null) {
            Faces.responseSendError(404, "not found");
        }
    }

    public SelfRatingService.MilestoneView getView() {
        return view;
    }
}
