package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.securebase.domain.account.Account;
import org.securebase.domain.reflection.Reflection;
import org.securebase.domain.reflection.ReflectionSubmitted;
import org.securebase.domain.review.Notification;
import org.securebase.domain.review.ReviewDecided;

/**
 * In-app notifications, and the same by mail once the change behind them has committed: to a student when
 * feedback is released, to tutors when work awaits them.
 */
@Stateless
public class NotificationService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Memberships memberships;

    @Inject
    private MailOutbox mail;

    @Inject
    private Clock clock;

    @Inject
    private PageLinks links;

    /** The tutors of the student's cohorts learn that the work awaits them. */
    public void on(@Observes ReflectionSubmitted event) {
        String subject = event.student().getDisplayName() + ": " + event.moduleTitle();
        for (Account tutor : memberships.tutorsOf(event.student())) {
            notify(tutor, Notification.Kind.WORK_AWAITS, event.reflection(), subject);
        }
    }

    /** The student learns that the feedback is there. */
    public void on(@Observes ReviewDecided event) {
        notify(event.student(), Notification.Kind.FEEDBACK_RELEASED, event.reflection(), event.moduleTitle());
    }

    public void notify(Account recipient, Notification.Kind kind, Reflection reflection, String subject) {
        em.persist(new Notification(recipient, kind, reflection, subject, clock.instant()));
        String key = "mail." + kind.name();
        String link = kind == Notification.Kind.FEEDBACK_RELEASED ? links.reflection(reflection.getId())
                : links.review(reflection.getId());
        mail.queue(recipient.getEmail(), MailTexts.text(recipient, key + ".subject", subject),
                MailTexts.text(recipient, key + ".body", recipient.getDisplayName(), subject, link));
    }

    /** The latest notifications, newest first: one query. */
    public List<NotificationItem> inbox(Account account, int limit) {
        return em.createQuery("select new org.securebase.application.NotificationItem(n.id, n.kind, "
                + "r.id, n.subject, n.createdAt, case when n.readAt is null then true else false end, b.id, n.link) "
                + "from Notification n left join n.reflection r left join n.balintSession b where n.recipient = :account "
                + "order by n.createdAt desc, n.id desc", NotificationItem.class)
                .setParameter("account", account).setMaxResults(limit).getResultList();
    }

    public void markAllRead(Account account) {
        em.createQuery("update Notification n set n.readAt = :now, n.version = n.version + 1 "
                + "where n.recipient = :account and n.readAt is null")
                .setParameter("now", clock.instant()).setParameter("account", account).executeUpdate();
    }
}
