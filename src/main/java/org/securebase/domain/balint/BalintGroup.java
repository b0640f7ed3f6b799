package org.securebase.domain.balint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.securebase.domain.account.Account;
import org.securebase.domain.school.Cohort;
import org.securebase.domain.school.School;

/**
 * A Balint group of one school: a leader and four to twelve members who meet in sessions. Its confidentiality
 * agreement is the school's text when the group was made (or, when the school has none, the platform's own, which
 * the pages show in the reader's language). After the group ends its sessions' text is kept for the school's
 * retention period, then deleted.
 */
@Entity
@Table(name = "balint_group")
public class BalintGroup {

    public static final int MIN_MEMBERS = 4;
    public static final int MAX_MEMBERS = 12;
    public static final int NAME_MAX = 200;
    public static final int AGREEMENT_MAX = 20000;

    @Id
    @SequenceGenerator(name = "balint_group_seq", sequenceName = "balint_group_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "balint_group_seq")
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private School school;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Account leader;

    /** The cohort its members came from, if they came from one. */
    @ManyToOne(fetch = FetchType.LAZY)
    private Cohort cohort;

    /** The school's agreement as it was when the group was made; null: the platform's default text. */
    @Column(length = AGREEMENT_MAX)
    private String agreement;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "text_purged_at")
    private Instant textPurgedAt;

    protected BalintGroup() {
    }

    public BalintGroup(School school, String name, Account leader, Cohort cohort, String agreement, Instant now) {
        if (name == null || name.isBlank()) {
            throw new BalintException("balint.error.name", "a group needs a name");
        }
        if (name.strip().length() > NAME_MAX) {
            throw BalintException.tooLong(NAME_MAX);
        }
        this.school = school;
        this.name = name.strip();
        this.leader = leader;
        this.cohort = cohort;
        this.agreement = agreement == null || agreement.isBlank() ? null : agreement.strip();
        this.createdAt = now;
    }

    /** A group has four to twelve members besides its leader. */
    public static void checkSize(int members) {
        if (members < MIN_MEMBERS || members > MAX_MEMBERS) {
            throw new BalintException("balint.error.size", members + " members");
        }
    }

    public boolean isLedBy(Account account) {
        return account != null && leader.getId().equals(account.getId());
    }

    /** The group stops meeting; its retention period starts now. */
    public void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }

    /**
     * When the sessions' text is to be deleted under a retention period of {@code months} after the group ended:
     * never while the group runs, or when the school keeps text (no period).
     */
    public Optional<Instant> textExpiresAt(Integer months) {
        if (endedAt == null || months == null) {
            return Optional.empty();
        }
        return Optional.of(endedAt.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant());
    }

    /** Whether the text is due for deletion now (and not deleted yet). */
    public boolean isPastRetention(Integer months, Instant now) {
        return textPurgedAt == null && textExpiresAt(months).map(at -> !at.isAfter(now)).orElse(false);
    }

    public void textPurged(Instant now) {
        textPurgedAt = now;
    }

    public Long getId() {
        return id;
    }

    public School getSchool() {
        return school;
    }

    public String getName() {
        return name;
    }

    public Account getLeader() {
        return leader;
    }

    public Cohort getCohort() {
        return cohort;
    }

    public Optional<String> agreement() {
        return Optional.ofNullable(agreement);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public Instant getTextPurgedAt() {
        return textPurgedAt;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof BalintGroup other && id != null && id.equals(other.getId()));
    }

    @Override
    public int hashCode() {
        return BalintGroup.class.hashCode();
    }
}
