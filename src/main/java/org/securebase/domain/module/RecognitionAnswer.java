package org.securebase.domain.module;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One choice at a recognition question; never changed once written. */
@Entity
@Table(name = "recognition_answer")
public class RecognitionAnswer {

    @Id
    @SequenceGenerator(name = "recognition_answer_seq", sequenceName = "recognition_answer_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recognition_answer_seq")
    private Long id;

    @ManyToOne(optional = false)
    private ModuleProgress progress;

    @Column(name = "stage_index", nullable = false)
    private int stageIndex;

    @Column(name = "option_index", nullable = false)
    private int optionIndex;

    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    protected RecognitionAnswer() {
    }

    RecognitionAnswer(ModuleProgress progress, int stageIndex, int optionIndex, Instant answeredAt) {
        this.progress = progress;
        this.stageIndex = stageIndex;
        this.optionIndex = optionIndex;
        this.answeredAt = answeredAt;
    }

    public int getStageIndex() {
        return stageIndex;
    }

    public int getOptionIndex() {
        return optionIndex;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }
}
