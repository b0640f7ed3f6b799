package org.securebase.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CohortPlanService;
import org.securebase.application.CohortPlanService.StandingPage;
import org.securebase.application.CohortPlanService.StepProgress;
import org.securebase.application.CurrentUser;
import org.securebase.domain.NotFoundException;
import org.securebase.web.LocaleBacking;
import org.securebase.web.util.Times;

/**
 * /staff/progress.xhtml?id=: the cohort's progress against its plan's dates, step by step (on time, late, in
 * progress, not started); with {@code step=} the students of one step, a page of {@value #PAGE} at a time, read
 * from the database a page at a time.
 */
@Named
@RequestScoped
public class ProgressBacking {

    static final int PAGE = 50;

    @Inject
    private CohortPlanService plans;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private LocaleBacking language;

    @Inject
    @Param(name = "id")
    private Long id;

    @Inject
    @Param(name = "step")
    private Long step;

    @Inject
    @Param(name = "page")
    private Integer page;

    private String cohortName;

    private List<StepProgress> steps;

    private StandingPage standings;

    @PostConstruct
    void load() {
        if (id == null) {
            return;
        }
        try {
            steps = plans.progress(currentUser.require(), id, language.getLocale());
            cohortName = plans.plan(currentUser.require(), id, language.getLocale()).cohortName();
            if (step != null) {
                standings = plans.standings(currentUser.require(), id, step, getPage() * PAGE, PAGE,
                        language.getLocale());
            }
        } catch (NotFoundException e) {
            steps = null;
        }
    }

    public void verify() {
        if (steps == null || (step != null && standings == null)) {
            Faces.responseSendError(404, "not found");
        }
    }

    public String when(Instant instant) {
        return Times.when(instant);
    }

    public int getPage() {
        return page == null || page < 0 ? 0 : page;
    }

    public boolean isHasNext() {
        return standings != null && (long) (getPage() + 1) * PAGE < standings.total();
    }

    public long getPages() {
        return standings == null ? 0 : Math.max(1, (standings.total() + PAGE - 1) / PAGE);
    }

    public Long getId() {
        return id;
    }

    public Long getStep() {
        return step;
    }

    public String getCohortName() {
        return cohortName;
    }

    public List<StepProgress> getSteps() {
        return steps;
    }

    public StandingPage getStandings() {
        return standings;
    }

}
