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
 * A trainee's way through a module: the responses they committed to, stage by stage, and so the path the case took
 * (each choice can lead the patient somewhere else). It pins the module version the trainee started, so a later
 * edit of the file does not change their case mid-way. Choices are appended and final.
 */
@Entity
@Table(name = "module_progress")
@NamedQuery(name = "ModuleProgress.byStudentAndSlug",
        query = "select p from ModuleProgress p where p.student = :student and p.slug = :slug")
@NamedQuery(name = "ModuleProgress.byStudent", query = "select p from ModuleProgress p where p.student = :student")
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

    /**
     * Commits the trainee to an option at the stage they are at. A committed choice stands: the point is to live
     * with it. The same choice sent twice (a double click, two tabs) is one choice; a different one is refused.
     */
    public void answer(ModuleDefinition definition, int stageIndex, int optionIndex, Instant now) {
        List<Integer> path = path(definition);
        if (!path.contains(stageIndex)) {
            throw new BusinessException("module.stageNotReached", "stage " + stageIndex + " not on the path");
        }
        ModuleDefinition.Question question = definition.stages().get(stageIndex).question();
        if (question == null || optionIndex < 0 || optionIndex >= question.options().size()) {
            throw new BusinessException("module.noSuchOption", "stage " + stageIndex + " option " + optionIndex);
        }
        Optional<Integer> committed = chosenOption(stageIndex);
        if (committed.isPresent()) {
            if (committed.get() == optionIndex) {
                return;
            }
            throw new BusinessException("module.alreadyChosen", "stage " + stageIndex + " already answered");
        }
        answers.add(new RecognitionAnswer(this, stageIndex, optionIndex, now));
        modifiedAt = now;
    }

    /**
     * Reveals the stage that follows the current one on the trainee's path. A stage with a question must be
     * answered first: the trainee commits to a response before seeing how the patient responds.
     */
    public void advance(ModuleDefinition definition, Instant now) {
        List<Integer> path = path(definition);
        int current = path.get(path.size() - 1);
        if (definition.stages().get(current).question() != null && chosenOption(current).isEmpty()) {
            throw new BusinessException("module.answerFirst", "stage " + current + " unanswered");
        }
        if (definition.nextIndex(current, chosenOption(current).orElse(-1)).isPresent()) {
            stagesRevealed = path.size() + 1;
            modifiedAt = now;
        }
    }

    /**
     * The stages the trainee has reached, in order, as positions in the module's stage list: the first stage, then
     * each stage the previous one led to with the option chosen there.
     */
    public List<Integer> path(ModuleDefinition definition) {
        List<Integer> path = new ArrayList<>();
        if (definition.stages().isEmpty()) {
            return path;
        }
        path.add(0);
        while (path.size() < stagesRevealed) {
            int last = path.get(path.size() - 1);
            Optional<Integer> next = definition.nextIndex(last, chosenOption(last).orElse(-1));
            if (next.isEmpty() || path.contains(next.get())) {
                break;
            }
            path.add(next.get());
        }
        return path;
    }

    /** The option chosen at a stage (the latest, for answers kept from before choices were final). */
    public Optional<Integer> chosenOption(int stageIndex) {
        Integer chosen = null;
        for (RecognitionAnswer a : answers) {
            if (a.getStageIndex() == stageIndex) {
                chosen = a.getOptionIndex();
            }
        }
        return Optional.ofNullable(chosen);
    }

    /** When the option at a stage was chosen. */
    public Optional<Instant> answeredAt(int stageIndex) {
        Instant at = null;
        for (RecognitionAnswer a : answers) {
            if (a.getStageIndex() == stageIndex) {
                at = a.getAnsweredAt();
            }
        }
        return Optional.ofNullable(at);
    }

    /** Whether more stages follow the current one on the path (once it is answered). */
    public boolean hasNext(ModuleDefinition definition) {
        List<Integer> path = path(definition);
        int current = path.get(path.size() - 1);
        return definition.nextIndex(current, chosenOption(current).orElse(-1)).isPresent();
    }

    /** Complete when the path has reached an ending and its question, if any, is answered. */
    public boolean isComplete(ModuleDefinition definition) {
        List<Integer> path = path(definition);
        if (path.isEmpty()) {
            return true;
        }
        int current = path.get(path.size() - 1);
        boolean answered = definition.stages().get(current).question() == null || chosenOption(current).isPresent();
        return answered && definition.nextIndex(current, chosenOption(current).orElse(-1)).isEmpty();
    }

    public int getStagesRevealed() {
        return stagesRevealed;
    }

    public Long getId() {
        return id;
    }
}
