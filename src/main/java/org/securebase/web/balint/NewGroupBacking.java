package org.securebase.web.balint;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CohortService;
import org.securebase.application.CohortSummary;
import org.securebase.application.CurrentUser;
import org.securebase.application.Memberships;
import org.securebase.application.balint.BalintService;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.web.util.Bundle;

/**
 * /balint/new.xhtml?cohort=: a new group from one of the cohorts the member of staff sees: its name, its leader (a
 * tutor of the cohort, or the administrator themselves) and four to twelve of the cohort's students.
 */
@Named
@RequestScoped
public class NewGroupBacking {

    @Inject
    private BalintService balint;

    @Inject
    private CohortService cohorts;

    @Inject
    private Memberships memberships;

    @Inject
    private CurrentUser currentUser;

    @Inject
    @Param(name = "cohort")
    private Long cohortId;

    private List<CohortSummary> cohortList;
    private List<Account> students = List.of();
    private List<Account> leaders = List.of();
    private String name;
    private Long leaderId;
    private List<Long> memberIds = new ArrayList<>();

    @PostConstruct
    void load() {
        Account staff = currentUser.require();
        cohortList = cohorts.forStaff(staff);
        if (cohortId == null) {
            return;
        }
        try {
            cohorts.requireVisible(staff, cohortId);
        } catch (NotFoundException e) {
            cohortId = null;
            return;
        }
        students = memberships.members(cohortId, Role.STUDENT);
        leaders = new ArrayList<>(memberships.members(cohortId, Role.TUTOR));
        if (staff.getRole() == Role.SCHOOL_ADMIN) {
            leaders.add(staff);
        }
        if (leaderId == null && staff.getRole() == Role.TUTOR) {
            leaderId = staff.getId();
        }
    }

    public String create() {
        try {
            long group = balint.createGroup(currentUser.require(), name, cohortId, leaderId == null ? -1 : leaderId,
                    memberIds).getId();
            Faces.getFlash().setKeepMessages(true);
            Bundle.info("balint.new.created");
            return "/balint/group?faces-redirect=true&id=" + group;
        } catch (BusinessException e) {
            Bundle.error(e.messageKey());
            return null;
        }
    }

    public List<CohortSummary> getCohorts() {
        return cohortList;
    }

    public Long getCohortId() {
        return cohortId;
    }

    public List<Account> getStudents() {
        return students;
    }

    public List<Account> getLeaders() {
        return leaders;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getLeaderId() {
        return leaderId;
    }

    public void setLeaderId(Long leaderId) {
        this.leaderId = leaderId;
    }

    public List<Long> getMemberIds() {
        return memberIds;
    }

    public void setMemberIds(List<Long> memberIds) {
        this.memberIds = memberIds;
    }
}
