package org.securebase.domain.reflection;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A submitted reflection, frozen: once written it is never changed, only followed by a later version. */
@Entity
@Table(name = "reflection_version")
@NamedQuery(name = "ReflectionVersion.ofReflection",
        query = "select v from ReflectionVersion v where v.reflection = :reflection order by v.number")
public class ReflectionVersion {

    @Id
    @SequenceGenerator(name = "reflection_version_seq", sequenceName = "reflection_version_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reflection_version_seq")
    private Long id;

    @ManyToOne(optional = false)
    private Reflection reflection;

    @Column(nullable = false)
    private int number;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "submitted_answer", joinColumns = @JoinColumn(name = "reflection_version_id"))
    @MapKeyColumn(name = "prompt_id", length = 100)
    @Column(name = "answer_text", length = Reflection.TEXT_MAX, nullable = false)
    private Map<String, String> answers = new LinkedHashMap<>();

    protected ReflectionVersion() {
    }

    ReflectionVersion(Reflection reflection, int number, Map<String, String> answers, Instant submittedAt) {
        this.reflection = reflection;
        this.number = number;
        this.answers = new LinkedHashMap<>(answers);
        this.submittedAt = submittedAt;
    }

    public Reflection getReflection() {
        return reflection;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ReflectionVersion other && id != null && id.equals(other.getId()));
    }

    @Override
    public int hashCode() {
        return ReflectionVersion.class.hashCode();
    }

    public Long getId() {
        return id;
    }

    public int getNumber() {
        return number;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Map<String, String> getAnswers() {
        return Map.copyOf(answers);
    }

    public String answer(String promptId) {
        return answers.getOrDefault(promptId, "");
    }
}
