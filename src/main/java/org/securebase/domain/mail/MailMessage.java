package org.securebase.domain.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.securebase.domain.Delivery;

/**
 * One mail on its way to the SMTP server, written in the transaction that decided to send it (so a rollback sends
 * nothing) and sent afterwards by the outbox, retried with the {@link Delivery} backoff: no invitation or
 * notification is dropped because a pool was full or the server was down.
 */
@Entity
@Table(name = "mail_message")
@NamedQuery(name = "MailMessage.due", query = "select m.id from MailMessage m where m.delivery.status = :pending "
        + "and m.delivery.nextAttemptAt <= :now order by m.delivery.nextAttemptAt, m.id")
public class MailMessage {

    public static final int RECIPIENT_MAX = 320;
    public static final int SUBJECT_MAX = 500;
    public static final int BODY_MAX = 20_000;

    @Id
    @SequenceGenerator(name = "mail_message_seq", sequenceName = "mail_message_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_message_seq")
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = RECIPIENT_MAX)
    private String recipient;

    @Column(nullable = false, length = SUBJECT_MAX)
    private String subject;

    @Column(nullable = false, length = BODY_MAX)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Embedded
    private Delivery delivery;

    protected MailMessage() {
    }

    public MailMessage(String recipient, String subject, String body, Instant now) {
        this.recipient = recipient;
        this.subject = subject.length() > SUBJECT_MAX ? subject.substring(0, SUBJECT_MAX) : subject;
        this.body = body.length() > BODY_MAX ? body.substring(0, BODY_MAX) : body;
        this.createdAt = now;
        this.delivery = Delivery.dueAt(now);
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Delivery getDelivery() {
        return delivery;
    }
}
