package org.securebase.domain.lti;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.securebase.domain.Delivery;

/**
 * One result to post to a platform (AGS score): completion when the student submits, the rubric level when a
 * tutor accepts. Its {@link Delivery} says whether it went, and tutors see that.
 */
@Entity
@Table(name = "grade_post")
public class GradePost {

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

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Embedded
    private Delivery delivery;

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
        this.delivery = Delivery.dueAt(now);
    }

    public Delivery getDelivery() {
        return delivery;
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

    public Instant getCreatedAt() {
        return createdAt;
    }

}
