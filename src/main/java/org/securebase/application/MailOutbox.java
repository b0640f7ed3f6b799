package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.securebase.domain.Delivery;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.mail.MailMessage;
import org.securebase.infrastructure.mail.Mailer;

/**
 * Mail that must not be lost (invitations, sign-in links, notifications): queued as a row in the caller's
 * transaction, so a rollback sends nothing, and sent afterwards by {@link Outbox}, one message per transaction,
 * retried with backoff while the SMTP server cannot be reached and kept, with the server's answer, when it refuses.
 */
@Stateless
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Mailer mailer;

    @Inject
    private Clock clock;

    @Inject
    private OutboxClaims claims;

    /** Queues a message, in the caller's transaction. */
    public void queue(String to, String subject, String body) {
        em.persist(new MailMessage(to, subject, body, clock.instant()));
    }

    /** A page of the outbox, with how many messages there are in all and per state. */
    public record Page(List<MailRow> rows, long total, List<Object[]> counts) {
    }

    /**
     * The mail of the administrator's school (to its people's addresses), newest first, paged in the database, with
     * its counts per state.
     */
    public Page page(Account admin, int first, int size) {
        if (!admin.administersASchool()) {
            throw new NotFoundException("mail outbox for " + admin.getRole());
        }
        String from = " from MailMessage m where m.recipient in (select a.email from Account a where a.school = "
                + ":school)";
        List<Object[]> counts = em.createQuery("select m.delivery.status, count(m)" + from
                + " group by m.delivery.status order by m.delivery.status", Object[].class)
                .setParameter("school", admin.getSchool()).getResultList();
        long total = counts.stream().mapToLong(c -> (Long) c[1]).sum();
        List<MailRow> rows = em.createQuery("select new org.securebase.application.MailRow(m.recipient, m.subject, "
                + "m.delivery.status, m.delivery.attempts, m.delivery.lastError, m.createdAt, m.delivery.sentAt)" + from
                + " order by m.createdAt desc, m.id desc", MailRow.class).setParameter("school", admin.getSchool())
                .setFirstResult(first).setMaxResults(size).getResultList();
        return new Page(rows, total, counts);
    }

    /** The ids of messages due to be sent now, oldest first. */
    public List<Long> due(int limit) {
        return em.createNamedQuery("MailMessage.due", Long.class).setParameter("pending", Delivery.Status.PENDING)
                .setParameter("now", clock.instant()).setMaxResults(limit).getResultList();
    }

    /**
     * Sends one message in its own transaction, so one bad address never holds up the others; the row is claimed
     * first, so another server running the same outbox skips it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void send(long id) {
        if (!claims.claim(MailMessage.class, id)) {
            return;
        }
        MailMessage message = em.find(MailMessage.class, id);
        if (message == null || !message.getDelivery().isDue(clock.instant())) {
            return;
        }
        Delivery delivery = message.getDelivery();
        try {
            mailer.deliver(message.getRecipient(), message.getSubject(), message.getBody());
            delivery.delivered(clock.instant());
        } catch (Mailer.Refused e) {
            delivery.refused(e.getMessage());
        } catch (Mailer.Unreachable e) {
            delivery.unreachable(e.getMessage(), clock.instant());
        }
        if (delivery.getStatus() != Delivery.Status.SENT) {
            LOG.warning(() -> "Mail " + id + " not sent (attempt " + delivery.getAttempts() + ", "
                    + delivery.getStatus() + "): " + delivery.getLastError());
        }
    }
}
