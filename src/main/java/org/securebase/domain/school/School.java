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
