package org.securebase.web.student;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.SelfRatingService;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.instrument.SelfRating.Perspective;
import org.securebase.web.LocaleBacking;
import org.securebase.web.util.Bundle;

/**
 * /student/rate.xhtml?c=&milestone=&i=&p=now|then: one instrument at one milestone, one item per row. "Save" keeps a
 * partial set of answers; "Submit" closes the rating. Both redirect afterwards (post-redirect-get).
 */
@Named
@RequestScoped
public class RateBacking {

    /** One point of the scale with its label for the radio button. */
    public record Point(int value, String label) {
    }

    @Inject
    private SelfRatingService ratings;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private LocaleBacking language;

    @Inject
    @Param(name = "c")
    private String curriculum;

    @Inject
    @Param(name = "milestone")
    private String milestone;

    @Inject
    @Param(name = "i")
    private String instrument;

    @Inject
    @Param(name = "p")
    private String perspectiveParam;

    private SelfRatingService.RatingView view;
    private final Map<String, Integer> answers = new HashMap<>();
    private List<Point> points = List.of();

    @PostConstruct
    void load() {
        try {
            view = ratings.open(currentUser.require(), curriculum, milestone, instrument, perspective());
            view = new SelfRatingService.RatingView(catalog.inLanguage(view.instrument(), language.getLocale()),
                    view.perspective(), view.answers(), view.submitted());
            answers.putAll(view.answers());
            InstrumentDefinition.Scale scale = view.instrument().scale();
            points = IntStream.rangeClosed(scale.min(), scale.max())
                    .mapToObj(v -> new Point(v, scale.anchors().containsKey(v) ? v + " · " + scale.anchors().get(v)
                            : String.valueOf(v)))
                    .toList();
        } catch (org.securebase.domain.curriculum.NotReleased e) {
            notYet = e;
        } catch (NotFoundException e) {
            // verify() answers 404 before anything is rendered.
        }
    }

    /** Set when the step opens later: verify() sends the student back to the curriculum, which says when. */
    private org.securebase.domain.curriculum.NotReleased notYet;

    public void verify() {
        if (notYet != null) {
            org.securebase.web.util.Bundle.notYetOpen(notYet);
            return;
        }
        if (view == null) {
            Faces.responseSendError(404, "not found");
        }
    }

    public void save() {
        store(false);
    }

    public void submit() {
        store(true);
    }

    private void store(boolean submit) {
        Map<String, Integer> given = new HashMap<>();
        answers.forEach((item, value) -> {
            if (value != null) {
                given.put(item, value);
            }
        });
        try {
            ratings.save(currentUser.require(), curriculum, milestone, instrument, perspective(), given, submit);
        } catch (BusinessException e) {
            Bundle.error(e.messageKey());
            return;
        }
        Faces.setFlashAttribute("ratingSaved", submit ? "submitted" : "saved");
        if (submit) {
            Faces.redirect("student/milestone.xhtml?c=%s&milestone=%s", curriculum, milestone);
        } else {
            Faces.redirect("student/rate.xhtml?c=%s&milestone=%s&i=%s&p=%s", curriculum, milestone, instrument,
                    perspective().name().toLowerCase());
        }
    }

    private Perspective perspective() {
        return "then".equals(perspectiveParam) ? Perspective.THEN : Perspective.NOW;
    }

    public SelfRatingService.RatingView getView() {
        return view;
    }

    public Map<String, Integer> getAnswers() {
        return answers;
    }

    public List<Point> getPoints() {
        return points;
    }

    public int getItemCount() {
        return view.instrument().items().size();
    }

    public int getAnswered() {
        return (int) answers.values().stream().filter(v -> v != null).count();
    }
}
