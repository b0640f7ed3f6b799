package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.securebase.domain.account.Account;
import org.securebase.domain.reflection.Reflection;
import org.securebase.domain.review.Notification;
import org.securebase.infrastructure.mail.Mailer;
import org.securebase.web.util.Bundle;

/**
 * In-app notifications, and the same by mail once the change behind them has committed: to a student when
 * feedback is released, to tutors when work awaits them.
 */
@Stateless
public class NotificationService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<Mailer.OutgoingMail> mail;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "app.url", defaultValue = "http://localhost:8080")
    private String appUrl;

    public void notify(Account recipient, Notification.Kind kind, Reflection reflection, String subject) {
        em.persist(new Notification(recipient, kind, reflection, subject, clock.instant()));
        String key = "mail." + kind.name();
        String path = kind == Notification.Kind.FEEDBACK_RELEASED
                ? "/student/reflection.xhtml?id=" + reflection.getId() : "/tutor/review.xhtml?id=" + reflection.getId();
        mail.fire(new Mailer.OutgoingMail(recipient.getEmail(), Bundle.text(key + ".subject", subject),
                Bundle.text(key + ".body", recipient.getDisplayName(), subject, appUrl.replaceAll("/$", "") + path)));
    }

    /** The latest notifications, newest first: one query. */
    public List<NotificationItem> inbox(Account account, int limit) {
        return em.createQuery("select new org.securebase.application.NotificationItem(n.id, n.kind, "
                + "r.id, n.subject, n.createdAt, case when n.readAt is null then true else false end) "
                + "from Notification n left join n.reflection r where n.recipient = :account "
                + "order by n.createdAt desc, n.id desc", NotificationItem.class)
                .setParameter("account", account).setMaxResults(limit).getResultList();
    }

    public void markAllRead(Account account) {
        em.createQuery("update Notification n set n.readAt = :now, n.version = n.version + 1 "
                + "where n.recipient = :account and n.readAt is null")
                .setParameter("now", clock.instant()).setParameter("account", account).executeUpdate();
    }
}
