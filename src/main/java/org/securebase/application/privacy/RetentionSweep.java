package org.securebase.application.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.securebase.domain.privacy.RetentionPolicy;
import org.securebase.domain.school.School;

/**
 * Retention runs for one school: fired by {@link RetentionService} in the run's transaction, so that capabilities
 * with texts of their own delete what is past the school's period. The Balint groups read
 * {@link #balintDays()} (the school's {@code retention_policy.balint_days}, set on the administrator's data page) and
 * report what they deleted with {@link #deletedBalint(int)}; the run's log row shows it.
 */
public final class RetentionSweep {

    private final School school;
    private final RetentionPolicy policy;
    private final Instant now;
    private int balintDeleted;

    RetentionSweep(School school, RetentionPolicy policy, Instant now) {
        this.school = school;
        this.policy = policy;
        this.now = now;
    }

    public School school() {
        return school;
    }

    public Instant now() {
        return now;
    }

    /** How many days after a programme ends Balint texts are kept; empty: no limit set. */
    public Optional<Integer> balintDays() {
        return policy.balintDays();
    }

    /** Whether a text of a programme that ended on {@code programmeEnd} is past the Balint period today. */
    public boolean balintPast(LocalDate programmeEnd, LocalDate today) {
        return policy.balintDays().map(d -> !today.isBefore(RetentionPolicy.deleteFrom(programmeEnd, d)))
                .orElse(false);
    }

    /** Reports Balint texts deleted by an observer. */
    public void deletedBalint(int rows) {
        balintDeleted += rows;
    }

    int balintDeleted() {
        return balintDeleted;
    }
}
