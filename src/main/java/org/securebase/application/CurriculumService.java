package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

    /**
     * The student's curriculum in order: modules with their status, and milestones with how many of their
     * instruments are submitted. Modules outside the curriculum follow at the end.
     */
    public List<CurriculumEntry> entriesFor(Account student) {
        List<ModuleSummary> modules = forStudent(student);
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
        return em.createNamedQuery("Cohort.curriculaOfMember", String.class).setParameter("student", student.getId())
                .setMaxResults(1).getResultStream().findFirst()
                .flatMap(catalog::findCurriculum).or(catalog::defaultCurriculum);
    }

    /** The curriculum a cohort follows: its own, else the installation's default. */
    public Optional<CurriculumDefinition> curriculumFor(Cohort cohort) {
        return cohort.curriculum().flatMap(catalog::findCurriculum).or(catalog::defaultCurriculum);
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
