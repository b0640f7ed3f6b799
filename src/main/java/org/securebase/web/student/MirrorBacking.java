package org.securebase.web.student;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.securebase.application.CurrentUser;
import org.securebase.application.MirrorService;
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

    private MirrorService.Mirror mirror;
    private List<ResultsBacking.View> relational;

    @PostConstruct
    void load() {
        mirror = mirrors.of(currentUser.require());
        relational = mirror.relationalStyle().stream().map(ResultsBacking::view).toList();
    }

    /** "With hyper-activating patients you most often chose to reassure (3 of 5 responses, in 2 cases)." */
    public String sentence(MirrorService.Tendency tendency) {
        String pattern = Bundle.text("mirror.with." + tendency.pattern().code());
        return tendency.most().map(stance -> Bundle.text("mirror.most", pattern,
                Bundle.text("stance.verb." + stance.code()), tendency.stances().get(0).count(), tendency.choices(),
                tendency.modules())).orElseGet(() -> Bundle.text("mirror.noStance", pattern, tendency.modules()));
    }

    public List<MirrorService.Tendency> getTendencies() {
        return mirror.tendencies();
    }

    public List<ResultsBacking.View> getRelational() {
        return relational;
    }
}
