package org.securebase.domain.module;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One choice at a recognition question; never changed once written. */
@Entity
@Table(name = "recognition_answer")
// Per stage and option: how many of a cohort's students chose it on this version of the module.
@NamedQuery(name = "RecognitionAnswer.sharesInCohort", query = "select a.stageIndex, a.optionIndex, "
        + "count(distinct p.student.id) from RecognitionAnswer a join a.progress p where p.contentVersion = :version "
        + "and p.student.id in (select m.id from Cohort c join c.members m where c.id = :cohort and m.role = :student) "
        + "group by a.stageIndex, a.optionIndex")
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
