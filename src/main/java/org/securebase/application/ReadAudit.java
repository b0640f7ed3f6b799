package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.reflection.Reflection;
import org.securebase.domain.review.ReflectionRead;

/**
 * The audit of reads: every opening of a reflection by someone other than its author is written down (appended,
 * never changed), and shown to the student (who read theirs) and to the school's administrator (every read in the
 * school).
 */
@Stateless
public class ReadAudit {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /** Writes down that the reader opened the reflection, and why. */
    public void read(Reflection reflection, Account reader, String purpose) {
        em.persist(new ReflectionRead(reflection, reader, purpose, clock.instant()));
    }

    /** Who other than the student has opened their reflection, newest first. */
    public List<AuditRow> readsOf(Account student, Reflection reflection) {
        if (!reflection.isOwnedBy(student)) {
            throw new NotFoundException("reflection " + reflection.getId());
        }
        return em.createQuery("select new org.securebase.application.AuditRow(a.displayName, a.role, "
                + "s.displayName, v.title, x.purpose, x.readAt) from ReflectionRead x join x.reader a "
                + "join x.reflection r join r.student s join r.contentVersion v where r = :reflection "
                + "order by x.readAt desc", AuditRow.class).setParameter("reflection", reflection)
                .setMaxResults(200).getResultList();
    }

    public record AuditPage(List<AuditRow> rows, long total) {
    }

    /** The school's audit trail for its administrator, newest first, paged in the database. */
    public AuditPage audit(Account admin, int first, int size) {
        if (!admin.administersASchool()) {
            throw new NotFoundException("audit for " + admin.getRole());
        }
        String from = " from ReflectionRead x join x.reader a join x.reflection r join r.student s "
                + "join r.contentVersion v where s.school = :school";
        long total = em.createQuery("select count(x)" + from, Long.class)
                .setParameter("school", admin.getSchool()).getSingleResult();
        List<AuditRow> rows = em.createQuery("select new org.securebase.application.AuditRow(a.displayName, "
                + "a.role, s.displayName, v.title, x.purpose, x.readAt)" + from
                + " order by x.readAt desc, x.id desc", AuditRow.class).setParameter("school", admin.getSchool())
                .setFirstResult(first).setMaxResults(size).getResultList();
        return new AuditPage(rows, total);
    }

}
