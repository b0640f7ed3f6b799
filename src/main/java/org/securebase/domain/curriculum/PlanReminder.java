package org.securebase.domain.curriculum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * That a trainee was last reminded of a step's due date, one row per step and trainee (the key says so). A
 * trainee is reminded once of the date that holds for them; when staff give, change or withdraw their extension
 * after that, the date they were reminded of no longer holds, and they are reminded once more before the new one.
 * The notifications and mails sent are the history; this row only says when the last one went.
 */
@Entity
@Table(name = "plan_reminder")
@IdClass(PlanReminder.Key.class)
public class PlanReminder {

    @Id
    @Column(name = "plan_step_id")
    private Long step;

    @Id
    @Column(name = "account_id")
    private Long account;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    /**
     * A JPQL condition: student {@code m} has not been reminded of the date that holds for them on step
     * {@code :step}: no reminder, or only one sent before their extension was last given, changed or withdrawn.
     */
    public static final String NOT_REMINDED = "not exists (select p from PlanReminder p where p.step = :step "
            + "and p.account = m.id and not exists (select g from PlanExtension g where g.step = p.step "
            + "and g.account = p.account and g.grantedAt > p.sentAt))";

    protected PlanReminder() {
    }

    public PlanReminder(long step, long account, Instant sentAt) {
        this.step = step;
        this.account = account;
        this.sentAt = sentAt;
    }

    /** Reminded again, of a date that changed since the last reminder. */
    public void remindedAgain(Instant now) {
        this.sentAt = now;
    }

    public Long getAccount() {
        return account;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    /** The composite key: step and account ids. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long step;

        private Long account;

        public Key() {
        }

        public Key(Long step, Long account) {
            this.step = step;
            this.account = account;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(step, k.step) && Objects.equals(account, k.account);
        }

        @Override
        public int hashCode() {
            return Objects.hash(step, account);
        }
    }
}
