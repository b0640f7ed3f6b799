package org.securebase.domain.curriculum;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An ordered programme: modules in sequence, with milestones at which self-rating instruments are given (at the
 * start, after a block, at the end; a milestone can also ask the retrospective "then" rating).
 */
public record CurriculumDefinition(String slug, String title, String summaryHtml, List<Step> steps) {

    public CurriculumDefinition {
        steps = List.copyOf(steps);
    }

    /** A step is a module to take or a milestone with instruments. */
    public sealed interface Step permits ModuleStep, Milestone {
    }

    public record ModuleStep(String module) implements Step {
    }

    public record Milestone(String id, String title, List<String> instruments, boolean retrospective) implements Step {

        public Milestone {
            instruments = List.copyOf(instruments);
        }
    }

    /**
     * The curriculum with more instruments asked for at some milestones (a cohort plan's additions, by milestone
     * id), after the milestone's own; the rest unchanged.
     */
    public CurriculumDefinition withInstruments(Map<String, List<String>> added) {
        if (added.values().stream().allMatch(List::isEmpty)) {
            return this;
        }
        List<Step> changed = steps.stream().map(s -> s instanceof Milestone m && added.containsKey(m.id())
                ? (Step) new Milestone(m.id(), m.title(), Stream.concat(m.instruments().stream(),
                        added.get(m.id()).stream().filter(i -> !m.instruments().contains(i))).toList(),
                        m.retrospective())
                : s).toList();
        return new CurriculumDefinition(slug, title, summaryHtml, changed);
    }

    /** A milestone a cohort's plan places itself, after the step with key {@code after} (null: first). */
    public record Placed(String after, Milestone milestone) {
    }

    /** A step's key, as {@link Placed#after} names it: {@code module:<slug>} or {@code milestone:<id>}. */
    public static String key(Step step) {
        return step instanceof ModuleStep m ? "module:" + m.module() : "milestone:" + ((Milestone) step).id();
    }

    /**
     * The curriculum with a plan's own milestones among its steps, each after the step it follows in the plan (its
     * nearest earlier step that is in the curriculum, or another own milestone placed before it); a milestone
     * whose id the curriculum already has is left out, so an own milestone can never stand in for the curriculum's.
     */
    public CurriculumDefinition withOwnMilestones(List<Placed> own) {
        if (own.isEmpty()) {
            return this;
        }
        List<Step> changed = new java.util.ArrayList<>(steps);
        for (Placed p : own) {
            if (changed.stream().anyMatch(s -> s instanceof Milestone m && m.id().equals(p.milestone().id()))) {
                continue;
            }
            int at = 0;
            for (int i = 0; i < changed.size(); i++) {
                if (key(changed.get(i)).equals(p.after())) {
                    at = i + 1;
                }
            }
            changed.add(at, p.milestone());
        }
        return new CurriculumDefinition(slug, title, summaryHtml, changed);
    }

    public List<String> moduleSlugs() {
        return steps.stream().filter(ModuleStep.class::isInstance).map(s -> ((ModuleStep) s).module()).toList();
    }

    public List<Milestone> milestones() {
        return steps.stream().filter(Milestone.class::isInstance).map(Milestone.class::cast).toList();
    }
}
