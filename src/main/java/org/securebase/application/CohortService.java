package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.school.Cohort;

/** Cohorts as staff see them: a tutor the cohorts they belong to, an administrator their school's. */
@Stateless
public class CohortService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Memberships memberships;

    /**
     * A cohort the member of staff may see: a tutor's own cohort, or any cohort of an administrator's school.
     * Anyone else is told it does not exist, so ids reveal nothing.
     */
    public Cohort requireVisible(Account staff, long cohortId) {
        Cohort cohort = em.find(Cohort.class, cohortId);
        boolean visible = cohort != null && switch (staff.getRole()) {
            case SCHOOL_ADMIN -> staff.getSchool() != null && staff.getSchool().equals(cohort.getSchool());
            case OPERATOR -> false;
            case TUTOR -> memberships.isMember(cohortId, staff.getId());
            case STUDENT -> false;
        };
        if (!visible) {
            throw new NotFoundException("cohort " + cohortId);
        }
        return cohort;
    }

    public List<CohortSummary> forStaff(Account staff) {
        boolean admin = staff.getRole() == Role.SCHOOL_ADMIN;
        String scope = admin ? "s.id = :scope"
                : "c.id in (select c2.id from Cohort c2 join c2.members t where t.id = :scope)";
        return em.createQuery("select new org.securebase.application.CohortSummary(c.id, c.name, s.name, p.name, "
                + "c.curriculum, sum(case when m.role = :student then 1 else 0 end)) "
                + "from Cohort c join c.school s left join c.programme p left join c.members m where " + scope
                + " group by c.id, c.name, s.name, p.name, c.curriculum order by c.name", CohortSummary.class)
                .setParameter("student", Role.STUDENT)
                .setParameter("scope", admin ? staff.getSchool().getId() : staff.getId())
                .getResultList();
    }
}
