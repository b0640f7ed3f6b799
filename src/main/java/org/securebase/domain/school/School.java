package org.securebase.domain.school;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** A medical school: it owns its cohorts and its people. */
@Entity
@Table(name = "school")
public class School {

    public static final int NAME_MAX = 200;

    @Id
    @SequenceGenerator(name = "school_seq", sequenceName = "school_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "school_seq")
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The rubric's slug for new reviews; null: the installation's default. */
    @Column(length = 100)
    private String rubric;

    /** The school's own confidentiality agreement for new Balint groups; null: the platform's. */
    @Column(name = "balint_agreement", length = 20000)
    private String balintAgreement;

    /** Months a Balint group's session text is kept after the group ends; null: kept. */
    @Column(name = "balint_retention_months")
    private Integer balintRetentionMonths;

    protected School() {
    }

    public School(String name, Instant now) {
        this.name = name;
        this.createdAt = now;
    }

    public Optional<String> rubric() {
        return Optional.ofNullable(rubric);
    }

    public void useRubric(String slug) {
        this.rubric = slug;
    }

    public Optional<String> balintAgreement() {
        return Optional.ofNullable(balintAgreement);
    }

    public Integer getBalintRetentionMonths() {
        return balintRetentionMonths;
    }

    /** The Balint settings: the agreement (blank: the platform's) and the retention in months (null: kept). */
    public void balintSettings(String agreement, Integer retentionMonths) {
        if (agreement != null && agreement.length() > 20000) {
            throw new org.securebase.domain.BusinessException("balint.error.tooLong", "agreement too long");
        }
        if (retentionMonths != null && (retentionMonths < 0 || retentionMonths > 1200)) {
            throw new org.securebase.domain.BusinessException("balint.error.retention", "retention " + retentionMonths);
        }
        this.balintAgreement = agreement == null || agreement.isBlank() ? null : agreement.strip();
        this.balintRetentionMonths = retentionMonths;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof School other && id != null && id.equals(other.getId()));
    }

    @Override
    public int hashCode() {
        return School.class.hashCode();
    }
}
