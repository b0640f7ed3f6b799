package org.securebase.domain.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.securebase.domain.BusinessException;
import org.securebase.domain.school.School;

/**
 * How long a school keeps what trainees wrote after their programme ends: reflections, and the texts of Balint
 * groups ({@link #balintDays()}, read by the Balint groups' own retention). Empty: kept until erased.
 */
@Entity
@Table(name = "retention_policy")
@NamedQuery(name = "RetentionPolicy.ofSchool", query = "select p from RetentionPolicy p where p.school = :school")
public class RetentionPolicy {

    /** Ten years: longer than any training programme's appeal period we know of. */
    public static final int MAX_DAYS = 3650;

    @Id
    @SequenceGenerator(name = "retention_policy_seq", sequenceName = "retention_policy_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "retention_policy_seq")
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "school_id")
    private School school;

    @Column(name = "reflection_days")
    private Integer reflectionDays;

    @Column(name = "balint_days")
    private Integer balintDays;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    protected RetentionPolicy() {
    }

    public RetentionPolicy(School school, Instant now) {
        this.school = school;
        this.modifiedAt = now;
    }

    /** Sets both periods (null: no limit); each between 0 and {@link #MAX_DAYS} days. */
    public void keep(Integer reflections, Integer balint, Instant now) {
        check(reflections);
        check(balint);
        this.reflectionDays = reflections;
        this.balintDays = balint;
        this.modifiedAt = now;
    }

    private static void check(Integer days) {
        if (days != null && (days < 0 || days > MAX_DAYS)) {
            throw new BusinessException("privacy.retention.range", "retention out of range: " + days);
        }
    }

    public Optional<Integer> reflectionDays() {
        return Optional.ofNullable(reflectionDays);
    }

    /** Days Balint texts are kept after the programme ends: the setting the Balint groups' retention reads. */
    public Optional<Integer> balintDays() {
        return Optional.ofNullable(balintDays);
    }

    /**
     * The day from which a reflection of a programme that ended on {@code programmeEnd} is deleted: the day after
     * the retention period, so that a reflection exactly {@code days} days after the end is still kept.
     */
    public static LocalDate deleteFrom(LocalDate programmeEnd, int days) {
        return programmeEnd.plusDays(days + 1L);
    }

    public School getSchool() {
        return school;
    }
}
