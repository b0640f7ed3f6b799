package org.securebase.domain.curriculum;

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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.securebase.domain.BusinessException;
import org.securebase.domain.school.Cohort;

/**
 * One step of a cohort's plan: a module (of the shared or the school's library) or a milestone of the cohort's
 * curriculum, in the cohort's order, with an optional release and due date. Work belongs to the module, not to
 * the step: moving, re-dating or removing a step never touches what a trainee wrote.
 */
@Entity
@Table(name = "plan_step")
@NamedQuery(name = "PlanStep.ofCohort", query = "select s from PlanStep s where s.cohort.id = :cohort "
        + "order by s.position, s.id")
@NamedQuery(name = "PlanStep.countOfCohort", query = "select count(s) from PlanStep s where s.cohort.id = :cohort")
@NamedQuery(name = "PlanStep.cohortOfStudent", query = "select c.id from Cohort c join c.members m "
        + "where m.id = :student and exists (select s from PlanStep s where s.cohort = c) order by c.createdAt, c.id")
@NamedQuery(name = "PlanStep.dueBetween", query = "select s.id from PlanStep s where s.dueAt > :from "
        + "and s.dueAt <= :to and (s.releaseAt is null or s.releaseAt <= :from) order by s.dueAt, s.id")
public class PlanStep {

    @Id
    @SequenceGenerator(name = "plan_step_seq", sequenceName = "plan_step_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plan_step_seq")
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cohort_id")
    private Cohort cohort;

    @Column(nullable = false)
    private int position;

    @Column(name = "module_slug", length = 100)
    private String module;

    @Column(length = 100)
    private String milestone;

    /** The title of a milestone the plan places itself; null for the curriculum's milestones and for modules. */
    @Column(name = "milestone_title", length = 200)
    private String milestoneTitle;

    @Column(name = "release_at")
    private Instant releaseAt;

    @Column(name = "due_at")
    private Instant dueAt;

    /** A milestone's own additions: the school's instruments its students rate there besides the curriculum's. */
    @ElementCollection
    @CollectionTable(name = "plan_step_instrument", joinColumns = @JoinColumn(name = "plan_step_id"))
    @OrderColumn(name = "position")
    @Column(name = "instrument_slug", length = 100, nullable = false)
    private List<String> instruments = new ArrayList<>();

    protected PlanStep() {
    }

    private PlanStep(Cohort cohort, int position, String module, String milestone) {
        this.cohort = cohort;
        this.position = position;
        this.module = module;
        this.milestone = milestone;
    }

    public static PlanStep module(Cohort cohort, int position, String slug) {
        return new PlanStep(cohort, position, slug, null);
    }

    public static PlanStep milestone(Cohort cohort, int position, String id) {
        return new PlanStep(cohort, position, null, id);
    }

    /** The longest title a plan's own milestone may have. */
    public static final int TITLE_MAX = 200;

    /**
     * A milestone the plan places itself, between the curriculum's steps: its students rate the instruments added to
     * it there.
     *
     * @throws BusinessException when the title is empty or too long
     */
    public static PlanStep ownMilestone(Cohort cohort, int position, String id, String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > TITLE_MAX) {
            throw new BusinessException("plan.own.title", "milestone title '" + t + "'");
        }
        PlanStep step = new PlanStep(cohort, position, null, id);
        step.milestoneTitle = t;
        return step;
    }

    /**
     * The same step in another cohort's plan: module or milestone, title, dates and added instruments; nothing of
     * this cohort's students (extensions, work) goes with it.
     */
    public PlanStep copyFor(Cohort other) {
        PlanStep copy = new PlanStep(other, position, module, milestone);
        copy.milestoneTitle = milestoneTitle;
        copy.releaseAt = releaseAt;
        copy.dueAt = dueAt;
        copy.instruments.addAll(instruments);
        return copy;
    }

    /** The title of a milestone of the plan's own; empty for the curriculum's steps. */
    public Optional<String> ownTitle() {
        return Optional.ofNullable(milestoneTitle);
    }

    /**
     * Sets the step's dates; either may be empty. A due date before the release date is refused: nobody could meet
     * it.
     */
    public void schedule(Instant release, Instant due) {
        if (release != null && due != null && due.isBefore(release)) {
            throw new BusinessException("plan.dueBeforeRelease", "step " + id + ": due " + due + " before " + release);
        }
        this.releaseAt = release;
        this.dueAt = due;
    }

    /** Whether trainees may open the step at {@code now}: no release date, or it has passed. */
    public boolean isReleased(Instant now) {
        return releaseAt == null || !now.isBefore(releaseAt);
    }

    /** Where a trainee stands with the step against its dates. */
    public Standing standing(Instant now, Instant doneAt, boolean started) {
        return standing(now, doneAt, started, null);
    }

    /** The due date that holds for a trainee: their extension if they have one, else the step's. */
    public Instant dueFor(Instant extension) {
        return extension != null ? extension : dueAt;
    }

    /** Where a trainee with an extension (null: none) stands with the step against their due date. */
    public Standing standing(Instant now, Instant doneAt, boolean started, Instant extension) {
        Instant dueAt = dueFor(extension);
        if (!isReleased(now)) {
            return Standing.NOT_RELEASED;
        }
        if (doneAt != null) {
            return dueAt != null && doneAt.isAfter(dueAt) ? Standing.LATE : Standing.ON_TIME;
        }
        if (dueAt != null && now.isAfter(dueAt)) {
            return Standing.OVERDUE;
        }
        return started ? Standing.IN_PROGRESS : Standing.NOT_STARTED;
    }

    /** A trainee's standing with a step: done on time or late, overdue, or still open. */
    public enum Standing {
        NOT_RELEASED, NOT_STARTED, IN_PROGRESS, OVERDUE, ON_TIME, LATE;

        public boolean isDone() {
            return this == ON_TIME || this == LATE;
        }
    }

    /**
     * Asks the milestone's students to rate one more instrument (once).
     *
     * @throws BusinessException on a module's step, or when the milestone asks for it already
     */
    public void addInstrument(String slug) {
        if (milestone == null) {
            throw new BusinessException("plan.instrument.notMilestone", "step " + id + " is a module");
        }
        if (instruments.contains(slug)) {
            throw new BusinessException("plan.alreadyInPlan", slug);
        }
        instruments.add(slug);
    }

    public void removeInstrument(String slug) {
        instruments.remove(slug);
    }

    /** The instruments this milestone adds to the curriculum's, in order. */
    public List<String> instruments() {
        return List.copyOf(instruments);
    }

    public void moveTo(int position) {
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public Cohort getCohort() {
        return cohort;
    }

    public int getPosition() {
        return position;
    }

    public Optional<String> module() {
        return Optional.ofNullable(module);
    }

    public Optional<String> milestone() {
        return Optional.ofNullable(milestone);
    }

    public Instant getReleaseAt() {
        return releaseAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public long getVersion() {
        return version;
    }
}
