package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;

/** Cohorts as staff see them: a tutor the cohorts they belong to, an administrator their school's. */
@Stateless
public class CohortService {

    @PersistenceContext
    private EntityManager em;

    public List<CohortSummary> forStaff(Account staff) {
        boolean admin = staff.getRole() == Role.SCHOOL_ADMIN;
        String scope = admin ? "s.id = :scope"
                : "c.id in (select c2.id from Cohort c2 join c2.members t where t.id = :scope)";
        return em.createQuery("select new org.securebase.application.CohortSummary(c.id, c.name, s.name, "
                + "sum(case when m.role = :student then 1 else 0 end)) "
                + "from Cohort c join c.school s left join c.members m where " + scope
                + " group by c.id, c.name, s.name order by c.name", CohortSummary.class)
                .setParameter("student", Role.STUDENT)
                .setParameter("scope", admin ? staff.getSchool().getId() : staff.getId())
                .getResultList();
    }
}
