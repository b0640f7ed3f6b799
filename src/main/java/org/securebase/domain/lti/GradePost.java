package org.securebase.domain.lti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * One result to post to a platform (AGS score): completion when the student submits, the rubric level when a
 * tutor accepts. Retried with growing pauses until the platform accepts it; after {@value #MAX_ATTEMPTS} failures
 * it is marked failed, and tutors see that.
 */
@Entity
@Table(name = "grade_post")
public class GradePost {

    public static final int MAX_ATTEMPTS = 8;

    public enum Status { PENDING, SENT, FAILED }

    @Id
    @SequenceGenerator(name = "grade_post_seq", sequenceName = "grade_post_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "grade_post_seq")
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "link_id")
    private GradeLink link;

    @Column(name = "score_given")
    private Double scoreGiven;

    @Column(name = "score_maximum")
    private Double scoreMaximum;

    @Column(name = "activity_progress", nullable = false, length = 20)
    private String activityProgress;

    @Column(name = "grading_progress", nullable = false, length = 20)
    private String gradingProgress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected GradePost() {
    }

    public GradePost(GradeLink link, Double scoreGiven, Double scoreMaximum, String activityProgress,
            String gradingProgress, Instant now) {
        this.link = link;
        this.scoreGiven = scoreGiven;
        this.scoreMaximum = scoreMaximum;
        this.activityProgress = activityProgress;
        this.gradingProgress = gradingProgress;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    public void sent(Instant now) {
        status = Status.SENT;
        attempts++;
        sentAt = now;
        lastError = null;
    }

    /** A failed attempt: try again after 5 s, 10 s, 20 s, … (at most an hour), or give up. */
    public void failed(String error, Instant now) {
        attempts++;
        lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        if (attempts >= MAX_ATTEMPTS) {
            status = Status.FAILED;
        } else {
            long seconds = Math.min(3600, 5L << Math.min(attempts - 1, 10));
            nextAttemptAt = now.plus(Duration.ofSeconds(seconds));
        }
    }

    public Long getId() {
        return id;
    }

    public GradeLink getLink() {
        return link;
    }

    public Double getScoreGiven() {
        return scoreGiven;
    }

    public Double getScoreMaximum() {
        return scoreMaximum;
    }

    public String getActivityProgress() {
        return activityProgress;
    }

    public String getGradingProgress() {
        return gradingProgress;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }
}
