package org.securebase.domain.curriculum;

import java.util.List;

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

    public List<String> moduleSlugs() {
        return steps.stream().filter(ModuleStep.class::isInstance).map(s -> ((ModuleStep) s).module()).toList();
    }

    public List<Milestone> milestones() {
        return steps.stream().filter(Milestone.class::isInstance).map(Milestone.class::cast).toList();
    }
}
