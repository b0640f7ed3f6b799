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
        String scope = staff.getRole() == Role.SCHOOL_ADMIN
                ? "c.school = :school"
                : "exists (select 1 from Cohort t join t.members tm where t = c and tm = :staff)";
        var query = em.createQuery("select new org.securebase.application.CohortSummary("
                + "c.id, c.name, c.school.name, count(m)) from Cohort c left join c.members m "
                + "where " + scope + " and (m is null or m.role = :student) "
                + "group by c.id, c.name, c.school.name order by c.name", CohortSummary.class)
                .setParameter("student", Role.STUDENT);
        if (staff.getRole() == Role.SCHOOL_ADMIN) {
            query.setParameter("school", staff.getSchool());
        } else {
            query.setParameter("staff", staff);
        }
        return query.getResultList();
    }
}
