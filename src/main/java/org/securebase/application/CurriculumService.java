package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.account.Account;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.curriculum.PlanStep;
import org.securebase.domain.instrument.SelfRating;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.Pattern;
import org.securebase.domain.reflection.ReflectionStatus;
import org.securebase.domain.school.Cohort;

/**
 * The modules a student can take and where they stand with each. Three queries whatever the number of modules:
 * the current versions, the student's progress slugs, the student's reflection statuses.
 */
@Stateless
public class CurriculumService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private SelfRatingService ratings;

    @Inject
    private CohortPlanService plans;

    @Inject
    private Clock clock;

    /**
     * The student's curriculum in order: modules with their status, and milestones with how many of their
     * instruments are submitted. Modules outside the curriculum follow at the end.
     */
    public List<CurriculumEntry> entriesFor(Account student) {
        List<ModuleSummary> modules = forStudent(student);
        Optional<Cohort> planned = plans.planCohortOf(student);
        if (planned.isPresent()) {
            return planned(student, planned.get(), modules);
        }
        Optional<CurriculumDefinition> curriculum = curriculumOf(student);
        if (curriculum.isEmpty()) {
            return modules.stream().map(m -> new CurriculumEntry(m, null)).toList();
        }
        Map<String, ModuleSummary> bySlug = new HashMap<>();
        modules.forEach(m -> bySlug.put(m.slug(), m));
        Map<String, Long> submitted = ratings.submittedPerMilestone(student, curriculum.get().slug());
        List<CurriculumEntry> entries = new ArrayList<>();
        for (CurriculumDefinition.Step step : curriculum.get().steps()) {
            if (step instanceof CurriculumDefinition.ModuleStep m && bySlug.containsKey(m.module())) {
                entries.add(new CurriculumEntry(bySlug.remove(m.module()), null));
            } else if (step instanceof CurriculumDefinition.Milestone ms) {
                entries.add(new CurriculumEntry(null, new CurriculumEntry.MilestoneSummary(curriculum.get().slug(),
                        ms.id(), ms.title(), ms.instruments().size(), submitted.getOrDefault(ms.id(), 0L))));
            }
        }
        modules.stream().filter(m -> bySlug.containsKey(m.slug()))
                .forEach(m -> entries.add(new CurriculumEntry(m, null)));
        return entries;
    }

    /**
     * The student's cohort plan in its order, each step with its dates and the student's standing; then the modules
     * the student began that are not (or no longer) in the plan, so that no work goes out of sight. Six queries.
     */
    private List<CurriculumEntry> planned(Account student, Cohort cohort, List<ModuleSummary> modules) {
        Map<String, ModuleSummary> bySlug = new HashMap<>();
        modules.forEach(m -> bySlug.put(m.slug(), m));
        Map<String, Instant> firstSubmitted = new HashMap<>();
        for (Object[] row : em.createQuery("select r.slug, v.submittedAt from Reflection r join r.versions v "
                + "where r.student = :student and v.number = 1", Object[].class).setParameter("student", student)
                .getResultList()) {
            firstSubmitted.put((String) row[0], org.securebase.domain.InstantConverter.of(row[1]));
        }
        Optional<CurriculumDefinition> curriculum = plans.curriculumOf(cohort);
        Map<String, Object[]> milestoneTimes = new HashMap<>();
        curriculum.ifPresent(c -> {
            for (Object[] row : em.createQuery("select r.milestone, max(r.submittedAt) from SelfRating r "
                    + "where r.student = :student and r.curriculum = :curriculum and r.status = :submitted "
                    + "group by r.milestone", Object[].class).setParameter("student", student)
                    .setParameter("curriculum", c.slug()).setParameter("submitted", SelfRating.Status.SUBMITTED)
                    .getResultList()) {
                milestoneTimes.put((String) row[0], row);
            }
        });
        Map<String, Long> submitted = curriculum.map(c -> ratings.submittedPerMilestone(student, c.slug()))
                .orElse(Map.of());
        Instant now = clock.instant();
        List<CurriculumEntry> entries = new ArrayList<>();
        List<PlanStep> steps = plans.steps(cohort.getId());
        Map<Long, Instant> extended = plans.extensionsOf(student.getId(), steps.stream().map(PlanStep::getId)
                .toList());
        for (PlanStep step : steps) {
            Instant extension = extended.get(step.getId());
            if (step.module().isPresent()) {
                ModuleSummary m = bySlug.remove(step.module().get());
                if (m != null) {
                    entries.add(new CurriculumEntry(m, null, new CurriculumEntry.Schedule(step.getReleaseAt(),
                            step.dueFor(extension), step.standing(now, firstSubmitted.get(m.slug()),
                                    m.status() != ModuleStatus.NOT_STARTED, extension),
                            extension != null)));
                }
            } else {
                curriculum.flatMap(c -> c.milestones().stream().filter(x -> x.id().equals(step.milestone().get()))
                        .findFirst()).ifPresent(ms -> {
                            long done = submitted.getOrDefault(ms.id(), 0L);
                            Object[] times = milestoneTimes.get(ms.id());
                            Instant doneAt = done >= ms.instruments().size() && times != null
                                    ? org.securebase.domain.InstantConverter.of(times[1])
                                    : null;
                            entries.add(new CurriculumEntry(null, new CurriculumEntry.MilestoneSummary(
                                    curriculum.get().slug(), ms.id(), ms.title(), ms.instruments().size(), done),
                                    new CurriculumEntry.Schedule(step.getReleaseAt(), step.dueFor(extension),
                                            step.standing(now, doneAt, times != null, extension),
                                            extension != null)));
                        });
            }
        }
        modules.stream().filter(m -> bySlug.containsKey(m.slug()) && m.status() != ModuleStatus.NOT_STARTED)
                .forEach(m -> entries.add(new CurriculumEntry(m, null)));
        return entries;
    }

    public List<ModuleSummary> forStudent(Account student) {
        Set<String> started = new HashSet<>(em.createNamedQuery("ModuleProgress.slugsByStudent", String.class)
                .setParameter("student", student).getResultList());
        Map<String, ReflectionStatus> reflections = new HashMap<>();
        for (Object[] row : em.createNamedQuery("Reflection.statusByStudent", Object[].class)
                .setParameter("student", student).getResultList()) {
            reflections.put((String) row[0], (ReflectionStatus) row[1]);
        }
        List<String> order = curriculumOf(student).map(CurriculumDefinition::moduleSlugs).orElse(List.of());
        return catalog.currentModules(student.getSchool()).stream()
                .sorted(Comparator.comparingInt(v -> position(order, v.getSlug())))
                .map(v -> summary(catalog.module(v), status(v.getSlug(), started, reflections)))
                .toList();
    }

    /**
     * The curriculum a student follows: that of their cohort (the oldest one that names a curriculum, when they
     * are in several), else the installation's default.
     */
    public Optional<CurriculumDefinition> curriculumOf(Account student) {
        Optional<CurriculumDefinition> curriculum = em.createNamedQuery("Cohort.curriculaOfMember", String.class)
                .setParameter("student", student.getId()).setMaxResults(1).getResultStream().findFirst()
                .flatMap(catalog::findCurriculum).or(catalog::defaultCurriculum);
        // With the instruments their plan's milestones add, when their plan's cohort follows this curriculum.
        return curriculum.flatMap(c -> plans.curriculumFor(student, c.slug()));
    }

    /** The curriculum a cohort follows (its own, else the installation's default), with its plan's instruments. */
    public Optional<CurriculumDefinition> curriculumFor(Cohort cohort) {
        return plans.curriculumOf(cohort);
    }

    /** Modules in the curriculum come in its order; any others follow, by title. */
    private static int position(List<String> order, String slug) {
        int index = order.indexOf(slug);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static ModuleStatus status(String slug, Set<String> started, Map<String, ReflectionStatus> reflections) {
        ReflectionStatus reflection = reflections.get(slug);
        if (reflection != null && reflection != ReflectionStatus.DRAFT) {
            return ModuleStatus.valueOf(reflection.name());
        }
        return started.contains(slug) || reflections.containsKey(slug) ? ModuleStatus.IN_PROGRESS
                : ModuleStatus.NOT_STARTED;
    }

    private static ModuleSummary summary(ModuleDefinition d, ModuleStatus status) {
        return new ModuleSummary(d.slug(), d.title(), d.patterns().stream().map(Pattern::code).toList(), d.setting(),
                d.estimatedMinutes(), d.summaryHtml(), d.stages().size(), status);
    }
}
