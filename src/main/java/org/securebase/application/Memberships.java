package org.securebase.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;

/**
 * The one home of the cohort-membership questions every service asks (who is in a cohort, who teaches whom),
 * each one query on the named queries of {@link org.securebase.domain.school.Cohort}.
 */
@ApplicationScoped
public class Memberships {

    @PersistenceContext
    private EntityManager em;

    public boolean isMember(long cohortId, long accountId) {
        return em.createNamedQuery("Cohort.isMember", Long.class).setParameter("cohort", cohortId)
                .setParameter("account", accountId).getSingleResult() > 0;
    }

    /** Whether the tutor tutors a cohort the student is in. */
    public boolean teaches(Account tutor, long studentId) {
        return tutor.getRole() == Role.TUTOR && em.createNamedQuery("Cohort.teaches", Long.class)
                .setParameter("student", studentId).setParameter("tutor", tutor.getId())
                .setParameter("tutorRole", Role.TUTOR).getSingleResult() > 0;
    }

    /** The tutors of every cohort the student is in. */
    public List<Account> tutorsOf(Account student) {
        return em.createNamedQuery("Cohort.tutorsOfStudent", Account.class).setParameter("student", student.getId())
                .setParameter("tutor", Role.TUTOR).getResultList();
    }

    public List<Long> memberIds(long cohortId) {
        return em.createNamedQuery("Cohort.memberIds", Long.class).setParameter("cohort", cohortId).getResultList();
    }

    /** The cohort's members with this role, by name. */
    public List<Account> members(long cohortId, Role role) {
        return em.createNamedQuery("Cohort.membersWithRole", Account.class).setParameter("cohort", cohortId)
                .setParameter("role", role).getResultList();
    }

    public long count(long cohortId, Role role) {
        return em.createNamedQuery("Cohort.countWithRole", Long.class).setParameter("cohort", cohortId)
                .setParameter("role", role).getSingleResult();
    }
}
