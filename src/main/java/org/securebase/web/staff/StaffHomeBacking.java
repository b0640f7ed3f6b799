package org.securebase.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.securebase.application.CohortService;
import org.securebase.application.CohortSummary;
import org.securebase.application.CurrentUser;

/** The cohorts a member of staff works with, on /tutor/index.xhtml and /admin/index.xhtml (WEB-INF/includes/cohorts.xhtml). */
@Named
@RequestScoped
public class StaffHomeBacking {

    @Inject
    private CohortService cohorts;

    @Inject
    private CurrentUser currentUser;

    private List<CohortSummary> list;

    @PostConstruct
    void load() {
        list = cohorts.forStaff(currentUser.require());
    }

    public List<CohortSummary> getCohorts() {
        return list;
    }
}
