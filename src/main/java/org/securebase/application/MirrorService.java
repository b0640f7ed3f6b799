package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.ModuleProgress;
import org.securebase.domain.module.Pattern;
import org.securebase.domain.module.Stance;
import org.securebase.domain.reflection.ReflectionStatus;

/**
 * The private mirror: across the cases a trainee has finished and submitted a reflection on (before that, the
 * mirror would name the pattern of a case the trainee is still reading), how they tended to respond to each attachment
 * pattern (the stances of the options they committed to), beside their own relational-style results. A read model
 * for the trainee alone: it takes the caller and answers only a student, about themselves; no tutor, school,
 * export or statement reaches it.
 */
@Stateless
public class MirrorService {

    public record StanceCount(Stance stance, long count) {
    }

    /**
     * @param modules how many finished cases carried the pattern
     * @param choices how many of the responses there named a stance
     * @param stances the stances by how often they were taken, most often first
     */
    public record Tendency(Pattern pattern, int modules, int choices, List<StanceCount> stances) {
    }

    public record Mirror(List<Tendency> tendencies, List<SelfRatingResults> relationalStyle) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private CurriculumService curricula;

    @Inject
    private SelfRatingService ratings;

    public Mirror of(Account student) {
        if (student.getRole() != Role.STUDENT) {
            throw new NotFoundException("mirror for " + student.getRole());
        }
        Map<Pattern, Map<Stance, Long>> counts = new EnumMap<>(Pattern.class);
        Map<Pattern, Integer> modules = new EnumMap<>(Pattern.class);
        Set<String> submitted = new HashSet<>();
        for (Object[] row : em.createNamedQuery("Reflection.statusByStudent", Object[].class)
                .setParameter("student", student).getResultList()) {
            if (row[1] != ReflectionStatus.DRAFT) {
                submitted.add((String) row[0]);
            }
        }
        for (ModuleProgress progress : em.createNamedQuery("ModuleProgress.byStudent", ModuleProgress.class)
                .setParameter("student", student).setHint(Fetch.BATCH, "p.answers").getResultList()) {
            ModuleDefinition definition = catalog.module(progress.getContentVersion());
            if (!progress.isComplete(definition) || !submitted.contains(definition.slug())) {
                continue;
            }
            for (Pattern pattern : definition.patterns()) {
                modules.merge(pattern, 1, Integer::sum);
                for (int index : progress.path(definition)) {
                    ModuleDefinition.Stage stage = definition.stages().get(index);
                    Optional<Integer> chosen = progress.chosenOption(index);
                    if (stage.question() == null || chosen.isEmpty()) {
                        continue;
                    }
                    Stance stance = stage.question().options().get(chosen.get()).stance();
                    if (stance != null) {
                        counts.computeIfAbsent(pattern, p -> new EnumMap<>(Stance.class)).merge(stance, 1L, Long::sum);
                    }
                }
            }
        }
        List<Tendency> tendencies = new ArrayList<>();
        for (Map.Entry<Pattern, Integer> m : modules.entrySet()) {
            Map<Stance, Long> byStance = counts.getOrDefault(m.getKey(), Map.of());
            List<StanceCount> stances = byStance.entrySet().stream()
                    .map(e -> new StanceCount(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingLong(StanceCount::count).reversed()
                            .thenComparing(StanceCount::stance))
                    .toList();
            tendencies.add(new Tendency(m.getKey(), m.getValue(),
                    (int) stances.stream().mapToLong(StanceCount::count).sum(), stances));
        }
        List<SelfRatingResults> relational = curricula.curriculumOf(student)
                .map(c -> ratings.results(student, c).stream().filter(r -> r.instrument().privateResults()).toList())
                .orElse(List.of());
        return new Mirror(tendencies, relational);
    }
}
