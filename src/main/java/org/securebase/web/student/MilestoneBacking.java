package org.securebase.web.student;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.SelfRatingService;
import org.securebase.domain.NotFoundException;

/** /student/milestone.xhtml?c=curriculum&milestone=id: the self-ratings due at one milestone. */
@Named
@RequestScoped
public class MilestoneBacking {

    @Inject
    private SelfRatingService ratings;

    @Inject
    private CurrentUser currentUser;

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
        } catch (NotFoundException e) {
            // verify() answers 404 before anything is rendered.
        }
    }

    /** Runs before rendering: an unknown milestone is "not found". */
    public void verify() {
        if (view == null) {
            Faces.responseSendError(404, "not found");
        }
    }

    public SelfRatingService.MilestoneView getView() {
        return view;
    }
}
