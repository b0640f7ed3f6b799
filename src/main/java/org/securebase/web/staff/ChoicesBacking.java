package org.securebase.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CohortChoicesService;
import org.securebase.application.CohortService;
import org.securebase.application.CurrentUser;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.school.Cohort;
import org.securebase.web.LocaleBacking;

/**
 * /staff/choices.xhtml?id=cohort&module=slug: how the cohort chose at each stage of a case, for a debrief. A plain
 * GET form picks the module, so the address can be shared with a colleague who may see the cohort.
 */
@Named
@RequestScoped
public class ChoicesBacking {

    @Inject
    private CohortChoicesService choices;

    @Inject
    private CohortService cohorts;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private LocaleBacking language;

    @Inject
    @Param(name = "id")
    private Long id;

    @Inject
    @Param(name = "module")
    private String module;

    private Cohort cohort;
    private List<CohortChoicesService.ModuleChoice> modules = List.of();
    private CohortChoicesService.Choices result;

    @PostConstruct
    void load() {
        if (id == null) {
            return;
        }
        try {
            cohort = cohorts.requireVisible(currentUser.require(), id);
            modules = choices.modules(cohort.getSchool(), language.getLocale());
            if (module != null && !module.isBlank()) {
                result = choices.choices(currentUser.require(), id, module, language.getLocale());
            }
        } catch (NotFoundException e) {
            // An unknown module is simply not shown; an unknown or foreign cohort is 404 (verify).
            result = null;
        }
    }

    /** Runs before rendering: a cohort the user may not see is "not found". */
    public void verify() {
        if (cohort == null) {
            Faces.responseSendError(404, "not found");
        }
    }

    /** A share as a whole percentage. */
    public String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    public Cohort getCohort() {
        return cohort;
    }

    public List<CohortChoicesService.ModuleChoice> getModules() {
        return modules;
    }

    public CohortChoicesService.Choices getResult() {
        return result;
    }

    public String getModule() {
        return module;
    }

    public Long getId() {
        return id;
    }
}
