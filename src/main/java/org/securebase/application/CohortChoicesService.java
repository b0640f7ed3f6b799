package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.instrument.ChangeStatistics;
import org.securebase.domain.module.ContentVersion;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.Stance;
import org.securebase.domain.school.Cohort;
import org.securebase.domain.school.School;

/**
 * How a cohort chose at each stage of a case, for a debrief in a teaching session: counts and shares per option,
 * never a name, and nothing for a stage fewer than {@value ChangeStatistics#MIN_COHORT} students answered. Counts
 * the current version of the module (an earlier version may have had other stages); one query whatever the
 * cohort's size.
 */
@Stateless
public class CohortChoicesService {

    /** One option's share of the students who answered the stage. */
    public record OptionShare(String text, Stance stance, boolean best, long students, double share) {
    }

    /** One stage: how many students answered it and, if enough did, how they chose. */
    public record StageChoices(String title, long students, boolean tooFew, List<OptionShare> options) {
    }

    public record Choices(String moduleTitle, List<StageChoices> stages) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CohortService cohorts;

    @Inject
    private ContentCatalog catalog;

    /** The modules one can ask about: slug to title (in the reader's language where translated), by title. */
    public List<ModuleChoice> modules(School school, Locale reader) {
        return catalog.currentModules(school).stream().map(v -> new ModuleChoice(v.getSlug(), catalog
                .moduleTranslation(v, reader).map(ModuleDefinition::title).orElse(v.getTitle()))).toList();
    }

    /** A module by slug and title. */
    public record ModuleChoice(String slug, String title) {
    }

    /** The cohort's choices at each stage, with the stages and options in the reader's language where translated. */
    public Choices choices(Account staff, long cohortId, String slug, Locale reader) {
        Cohort cohort = cohorts.requireVisible(staff, cohortId);
        ContentVersion version = catalog.currentModule(slug, cohort.getSchool());
        ModuleDefinition definition = catalog.inLanguage(catalog.module(version), reader);
        Map<Integer, Map<Integer, Long>> counts = new HashMap<>();
        for (Object[] row : em.createNamedQuery("RecognitionAnswer.sharesInCohort", Object[].class)
                .setParameter("version", version).setParameter("cohort", cohort.getId())
                .setParameter("student", Role.STUDENT).getResultList()) {
            counts.computeIfAbsent((Integer) row[0], k -> new HashMap<>()).put((Integer) row[1], (Long) row[2]);
        }
        List<StageChoices> stages = new ArrayList<>();
        for (int i = 0; i < definition.stages().size(); i++) {
            ModuleDefinition.Stage stage = definition.stages().get(i);
            if (stage.question() == null) {
                continue;
            }
            Map<Integer, Long> byOption = counts.getOrDefault(i, Map.of());
            long students = byOption.values().stream().mapToLong(Long::longValue).sum();
            boolean tooFew = students < ChangeStatistics.MIN_COHORT;
            List<OptionShare> options = new ArrayList<>();
            for (int o = 0; o < stage.question().options().size() && !tooFew; o++) {
                ModuleDefinition.Option option = stage.question().options().get(o);
                long n = byOption.getOrDefault(o, 0L);
                options.add(new OptionShare(option.text(), option.stance(), option.correct(), n,
                        students == 0 ? 0 : (double) n / students));
            }
            stages.add(new StageChoices(stage.title(), students, tooFew, options));
        }
        return new Choices(definition.title(), stages);
    }
}
