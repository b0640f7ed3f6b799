package org.securebase.domain.school;

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

/** A school's programme of study (for example "MBBS year 3"): it groups cohorts. */
@Entity
@Table(name = "programme")
public class Programme {

    @Id
    @SequenceGenerator(name = "programme_seq", sequenceName = "programme_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "programme_seq")
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private School school;

    @Column(nullable = false, length = School.NAME_MAX)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The day the programme ends, from which each school's retention period counts; null: not set. */
    @Column(name = "ends_on")
    private java.time.LocalDate endsOn;

    protected Programme() {
    }

    public Programme(School school, String name, Instant now) {
        this.school = school;
        this.name = name;
        this.createdAt = now;
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

    public java.time.LocalDate getEndsOn() {
        return endsOn;
    }

    /** Sets (or, with null, clears) the day the programme ends. */
    public void endsOn(java.time.LocalDate day) {
        this.endsOn = day;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Programme other && id != null && id.equals(other.getId()));
    }

    @Override
    public int hashCode() {
        return Programme.class.hashCode();
    }
}
