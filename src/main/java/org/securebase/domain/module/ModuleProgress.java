package org.securebase.domain.module;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.securebase.domain.BusinessException;
import org.securebase.domain.StudentModuleWork;
import org.securebase.domain.account.Account;

/**
 * How far a trainee has read into a module, and the readings they chose at each recognition question. It pins
 * the module version the trainee started, so a later edit of the file does not change their case mid-way.
 * Answers are appended: a changed mind is a new answer, not an overwrite.
 */
@Entity
@Table(name = "module_progress")
@NamedQuery(name = "ModuleProgress.byStudentAndSlug",
        query = "select p from ModuleProgress p where p.student = :student and p.slug = :slug")
@NamedQuery(name = "ModuleProgress.slugsByStudent",
        query = "select p.slug from ModuleProgress p where p.student = :student")
public class ModuleProgress extends StudentModuleWork {

    @Id
    @SequenceGenerator(name = "module_progress_seq", sequenceName = "module_progress_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "module_progress_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "stages_revealed", nullable = false)
    private int stagesRevealed = 1;

    @OneToMany(mappedBy = "progress", cascade = CascadeType.ALL)
    @OrderBy("answeredAt")
    private List<RecognitionAnswer> answers = new ArrayList<>();

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    protected ModuleProgress() {
    }

    public ModuleProgress(Account student, ContentVersion moduleVersion, Instant now) {
        super(student, moduleVersion);
        this.startedAt = now;
        this.modifiedAt = now;
    }

    /** Records the option the trainee chose at a stage's recognition question. */
    public void answer(ModuleDefinition definition, int stageIndex, int optionIndex, Instant now) {
        if (stageIndex < 0 || stageIndex >= stagesRevealed) {
            throw new BusinessException("module.stageNotReached", "stage " + stageIndex + " not revealed");
        }
        ModuleDefinition.Question question = definition.stages().get(stageIndex).question();
        if (question == null || optionIndex < 0 || optionIndex >= question.options().size()) {
            throw new BusinessException("module.noSuchOption", "stage " + stageIndex + " option " + optionIndex);
        }
        answers.add(new RecognitionAnswer(this, stageIndex, optionIndex, now));
        modifiedAt = now;
    }

    /**
     * Reveals the next stage. A stage with a recognition question must be answered first: the trainee commits
     * to a reading before seeing how the case unfolds.
     */
    public void advance(ModuleDefinition definition, Instant now) {
        int current = stagesRevealed - 1;
        if (definition.stages().get(current).question() != null && chosenOption(current).isEmpty()) {
            throw new BusinessException("module.answerFirst", "stage " + current + " unanswered");
        }
        if (stagesRevealed < definition.stages().size()) {
            stagesRevealed++;
            modifiedAt = now;
        }
    }

    /** The latest option chosen at a stage. */
    public Optional<Integer> chosenOption(int stageIndex) {
        Integer chosen = null;
        for (RecognitionAnswer a : answers) {
            if (a.getStageIndex() == stageIndex) {
                chosen = a.getOptionIndex();
            }
        }
        return Optional.ofNullable(chosen);
    }

    public boolean isComplete(ModuleDefinition definition) {
        int last = definition.stages().size() - 1;
        return stagesRevealed == definition.stages().size()
                && (definition.stages().get(last).question() == null || chosenOption(last).isPresent());
    }

    public int getStagesRevealed() {
        return stagesRevealed;
    }

    public Long getId() {
        return id;
    }
}
