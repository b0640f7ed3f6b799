package org.securebase.domain.instrument;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.securebase.domain.BusinessException;
import org.securebase.domain.StudentModuleWork;
import org.securebase.domain.account.Account;
import org.securebase.domain.module.ContentVersion;

/**
 * A student's rating of one instrument at one milestone of a curriculum: as they see themselves now, or looking
 * back ("then"). Answers can be saved partially while in draft; once submitted they never change, and they stay
 * tied to the instrument version that was rated.
 */
@Entity
@Table(name = "self_rating")
@NamedQuery(name = "SelfRating.find", query = "select r from SelfRating r where r.student = :student "
        + "and r.curriculum = :curriculum and r.milestone = :milestone and r.slug = :slug and r.perspective = :perspective")
@NamedQuery(name = "SelfRating.byMilestone", query = "select r from SelfRating r where r.student = :student "
        + "and r.curriculum = :curriculum and r.milestone = :milestone")
@NamedQuery(name = "SelfRating.submittedCounts", query = "select r.milestone, count(r) from SelfRating r "
        + "where r.student = :student and r.curriculum = :curriculum and r.perspective = :perspective "
        + "and r.status = :status group by r.milestone")
public class SelfRating extends StudentModuleWork {

    /** How the student rates: as they are now, or as they now think they were at the start. */
    public enum Perspective {
        NOW, THEN
    }

    public enum Status { DRAFT, SUBMITTED }

    @Id
    @SequenceGenerator(name = "self_rating_seq", sequenceName = "self_rating_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "self_rating_seq")
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = 100)
    private String curriculum;

    @Column(nullable = false, length = 100)
    private String milestone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Perspective perspective;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.DRAFT;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "self_rating_answer", joinColumns = @JoinColumn(name = "self_rating_id"))
    @MapKeyColumn(name = "item_id", length = 100)
    @Column(name = "answer", nullable = false)
    private Map<String, Integer> answers = new HashMap<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    protected SelfRating() {
    }

    public SelfRating(Account student, ContentVersion instrument, String curriculum, String milestone,
            Perspective perspective, Instant now) {
        super(student, instrument);
        this.curriculum = curriculum;
        this.milestone = milestone;
        this.perspective = perspective;
        this.createdAt = now;
        this.modifiedAt = now;
    }

    /**
     * Replaces the saved answers with these (items left out are unanswered). Refused once submitted, and for
     * answers that are not items of the instrument or lie outside its scale.
     */
    public void record(InstrumentDefinition instrument, Map<String, Integer> given, Instant now) {
        if (status == Status.SUBMITTED) {
            throw new BusinessException("rating.alreadySubmitted", "rating already submitted");
        }
        InstrumentScoring.score(instrument, given);
        answers.clear();
        answers.putAll(given);
        modifiedAt = now;
    }

    /** Closes the rating. Submitting again changes nothing: a double click makes one submission. */
    public void submit(Instant now) {
        if (status == Status.SUBMITTED) {
            return;
        }
        status = Status.SUBMITTED;
        submittedAt = now;
        modifiedAt = now;
    }

    public InstrumentScoring.Score score(InstrumentDefinition instrument) {
        return InstrumentScoring.score(instrument, answers);
    }

    public Map<String, Integer> getAnswers() {
        return Map.copyOf(answers);
    }

    public Long getId() {
        return id;
    }

    public String getCurriculum() {
        return curriculum;
    }

    public String getMilestone() {
        return milestone;
    }

    public Perspective getPerspective() {
        return perspective;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isSubmitted() {
        return status == Status.SUBMITTED;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }
}
