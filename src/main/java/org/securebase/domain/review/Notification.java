package org.securebase.domain.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.securebase.domain.account.Account;
import org.securebase.domain.balint.BalintSession;
import org.securebase.domain.reflection.Reflection;

/**
 * A message in someone's in-app inbox: feedback released to a student, work awaiting a tutor, a new phase in a
 * Balint session.
 */
@Entity
@Table(name = "notification")
public class Notification {

    public enum Kind { FEEDBACK_RELEASED, WORK_AWAITS, BALINT_PHASE_OPENED, DUE_SOON }

    @Id
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    private Account recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Kind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    private Reflection reflection;

    /** For {@link Kind#BALINT_PHASE_OPENED}: the session whose phase opened. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "balint_session_id")
    private BalintSession balintSession;

    /** The module's title and the other person's name, as they were when the notification was made. */
    @Column(nullable = false, length = 500)
    private String subject;

    /** For {@link Kind#DUE_SOON}: the page it leads to, relative to the application (/student/...). */
    @Column(length = 300)
    private String link;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    public Notification(Account recipient, Kind kind, Reflection reflection, String subject, Instant now) {
        this.recipient = recipient;
        this.kind = kind;
        this.reflection = reflection;
        this.subject = subject;
        this.createdAt = now;
    }

    /** A phase of a Balint session has opened. */
    public static Notification phaseOpened(Account recipient, BalintSession session, String subject, Instant now) {
        Notification n = new Notification(recipient, Kind.BALINT_PHASE_OPENED, null, subject, now);
        n.balintSession = session;
        return n;
    }

    /** A step of the trainee's plan is due soon; {@code link} is the page of the step. */
    public static Notification dueSoon(Account recipient, String subject, String link, Instant now) {
        Notification n = new Notification(recipient, Kind.DUE_SOON, null, subject, now);
        n.link = link;
        return n;
    }

    public void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public Reflection getReflection() {
        return reflection;
    }

    public String getSubject() {
        return subject;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isUnread() {
        return readAt == null;
    }
}
