package org.securebase.web.student;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import org.securebase.application.CurrentUser;
import org.securebase.application.CurriculumService;
import org.securebase.application.MirrorService;
import org.securebase.application.content.ContentCatalog;
import org.securebase.web.LocaleBacking;
import org.securebase.web.util.Bundle;

/**
 * /student/mirror.xhtml: the trainee's private mirror, how they tended to respond to each pattern beside their own
 * relational-style results. Only ever the caller's own; every other role is told the page does not exist.
 */
@Named
@RequestScoped
public class MirrorBacking {

    @Inject
    private MirrorService mirrors;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private CurriculumService curricula;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private LocaleBacking language;

    private MirrorService.Mirror mirror;
    private List<ResultsBacking.View> relational;

    @PostConstruct
    void load() {
        mirror = mirrors.of(currentUser.require());
        var curriculum = curricula.curriculumOf(currentUser.require()).orElse(null);
        relational = mirror.relationalStyle().stream().map(r -> ResultsBacking.view(curriculum == null ? r
                : ResultsBacking.inLanguage(catalog, r, curriculum, language.getLocale()))).toList();
    }

    /**
     * "With hyper-activating patients you most often chose to reassure quickly: 3 of the 5 responses ..."; when no
     * one stance came first, the ones that shared first place.
     */
    public String sentence(MirrorService.Tendency tendency) {
        return sentence(language.getLocale(), tendency);
    }

    /** The same sentence in a given language: the portfolio PDF's mirror page says it too. */
    public static String sentence(Locale locale, MirrorService.Tendency tendency) {
        String pattern = Bundle.text(locale, "mirror.with." + tendency.pattern().code());
        List<MirrorService.StanceCount> stances = tendency.stances();
        if (stances.isEmpty()) {
            return Bundle.text(locale, "mirror.noStance", pattern, tendency.modules());
        }
        long top = stances.get(0).count();
        List<String> first = stances.stream().filter(s -> s.count() == top)
                .map(s -> Bundle.text(locale, "stance.verb." + s.stance().code())).toList();
        if (first.size() > 1) {
            return Bundle.text(locale, "mirror.even", pattern, String.join(Bundle.text(locale, "mirror.or"), first),
                    tendency.choices(), tendency.modules());
        }
        return Bundle.text(locale, "mirror.most", pattern, first.get(0), top, tendency.choices(), tendency.modules());
    }

    public List<MirrorService.Tendency> getTendencies() {
        return mirror.tendencies();
    }

    public List<ResultsBacking.View> getRelational() {
        return relational;
    }
}
