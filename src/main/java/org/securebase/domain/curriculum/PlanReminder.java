package org.securebase.domain.curriculum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** That a trainee was reminded of a step's due date: once per step and trainee, ever (the key says so). */
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

    protected PlanReminder() {
    }

    public PlanReminder(long step, long account, Instant sentAt) {
        this.step = step;
        this.account = account;
        this.sentAt = sentAt;
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
