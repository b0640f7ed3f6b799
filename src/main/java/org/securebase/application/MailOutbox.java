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
