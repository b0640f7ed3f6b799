package org.securebase.domain.review;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.securebase.domain.BusinessException;
import org.securebase.domain.account.Account;
import org.securebase.domain.reflection.ReflectionVersion;

/**
 * A tutor's review of one submitted version of a reflection: inline comments anchored to passages, a rubric
 * rating, an overall comment and the decision. It exists from the moment the version is submitted, so two tutors
 * opening it work on the same row, and its version number tells the second that the first has decided. Once
 * decided it is never changed; the student's next version gets a review of its own.
 */
@Entity
@Table(name = "review")
@NamedQuery(name = "Review.decidedOf",
        query = "select r from Review r where r.reflectionVersion = :version and r.decision is not null")
@NamedQuery(name = "Review.ofReflection",
        query = "select r from Review r where r.reflectionVersion.reflection = :reflection")
public class Review {

    public static final int COMMENT_MAX = 5_000;
    public static final int OVERALL_MAX = 20_000;

    public enum Decision { ACCEPTED, RETURNED }

    @Id
    @SequenceGenerator(name = "review_seq", sequenceName = "review_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_seq")
    private Long id;

    @Version
    private long version;

    @OneToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "reflection_version_id")
    private ReflectionVersion reflectionVersion;

    @Column(nullable = false, length = 100)
    private String rubric;

    @ManyToOne(fetch = FetchType.LAZY)
    private Account tutor;

    @Column(name = "overall_level", length = 100)
    private String overallLevel;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_score", joinColumns = @JoinColumn(name = "review_id"))
    @MapKeyColumn(name = "criterion_id", length = 100)
    @Column(name = "level_id", length = 100, nullable = false)
    private Map<String, String> criterionLevels = new LinkedHashMap<>();

    @Column(name = "overall_comment", length = OVERALL_MAX)
    private String overallComment;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Decision decision;

    @OneToMany(mappedBy = "review", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("promptId, startOffset")
    private List<InlineComment> comments = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected Review() {
    }

    public Review(ReflectionVersion reflectionVersion, String rubric, Instant now) {
        this.reflectionVersion = reflectionVersion;
        this.rubric = rubric;
        this.createdAt = now;
    }

    /**
     * Anchors a comment to the passage from {@code start} to {@code end} of one answer. The quoted text must be
     * what the answer holds there, so a comment never points at the wrong words.
     */
    public InlineComment comment(Account author, String promptId, int start, int end, String quote, String text,
            Instant now) {
        requireOpen();
        String answer = reflectionVersion.answer(promptId);
        if (start < 0 || end <= start || end > answer.length() || !answer.substring(start, end).equals(quote)) {
            throw new BusinessException("review.badAnchor", "quote does not match " + promptId + " at " + start);
        }
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > COMMENT_MAX) {
            throw new BusinessException("review.commentLength", "comment of " + body.length() + " characters");
        }
        InlineComment comment = new InlineComment(this, author, promptId, start, end, quote, body, now);
        comments.add(comment);
        return comment;
    }

    public void removeComment(Account author, long commentId) {
        requireOpen();
        comments.removeIf(c -> c.getId() != null && c.getId() == commentId && c.getAuthor().equals(author));
    }

    /**
     * Records the decision with the rubric rating and overall comment. Accepting needs an overall level; returning
     * needs a comment saying what to revise.
     */
    public void decide(Account tutor, Decision decision, RubricDefinition rubricDefinition, String overallLevel,
            Map<String, String> criterionLevels, String overallComment, Instant now) {
        requireOpen();
        String comment = overallComment == null ? "" : overallComment.strip();
        if (comment.length() > OVERALL_MAX) {
            throw new BusinessException("review.commentLength", "overall comment too long");
        }
        if (overallLevel != null && !overallLevel.isEmpty()) {
            rubricDefinition.rank(overallLevel);
        } else if (decision == Decision.ACCEPTED) {
            throw new BusinessException("review.levelNeeded", "accepting needs a level");
        }
        if (decision == Decision.RETURNED && comment.isEmpty()) {
            throw new BusinessException("review.commentNeeded", "returning needs a comment");
        }
        Map<String, String> levels = new LinkedHashMap<>();
        criterionLevels.forEach((criterion, level) -> {
            if (level != null && !level.isEmpty()) {
                RubricDefinition.Criterion c = rubricDefinition.criteria().stream()
                        .filter(x -> x.id().equals(criterion)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no criterion " + criterion));
                if (rubricDefinition.choicesFor(c).stream().noneMatch(l -> l.id().equals(level))) {
                    throw new IllegalArgumentException("no rating " + level + " for " + criterion);
                }
                levels.put(criterion, level);
            }
        });
        this.tutor = tutor;
        this.decision = decision;
        this.overallLevel = overallLevel == null || overallLevel.isEmpty() ? null : overallLevel;
        this.criterionLevels.clear();
        this.criterionLevels.putAll(levels);
        this.overallComment = comment.isEmpty() ? null : comment;
        this.decidedAt = now;
    }

    private void requireOpen() {
        if (decision != null) {
            throw new BusinessException("review.alreadyDecided", "review already decided");
        }
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public ReflectionVersion getReflectionVersion() {
        return reflectionVersion;
    }

    public String getRubric() {
        return rubric;
    }

    public Optional<Account> tutor() {
        return Optional.ofNullable(tutor);
    }

    public Optional<Decision> decision() {
        return Optional.ofNullable(decision);
    }

    public Optional<String> overallLevel() {
        return Optional.ofNullable(overallLevel);
    }

    public Map<String, String> getCriterionLevels() {
        return Map.copyOf(criterionLevels);
    }

    public Optional<String> overallComment() {
        return Optional.ofNullable(overallComment);
    }

    public List<InlineComment> getComments() {
        return List.copyOf(comments);
    }

    public Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Review other && id != null && id.equals(other.getId()));
    }

    @Override
    public int hashCode() {
        return Review.class.hashCode();
    }
}
