package org.securebase.web.student;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.securebase.application.CurrentUser;
import org.securebase.application.CurriculumService;
import org.securebase.application.SelfRatingResults;
import org.securebase.application.SelfRatingService;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.instrument.SelfRating.Perspective;
import org.securebase.web.LocaleBacking;
import org.securebase.web.util.Bundle;
import org.securebase.web.util.LineChart;
import org.securebase.web.util.Numbers;
import org.securebase.web.util.PositionChart;

/** /student/results.xhtml: the student's own self-ratings over the curriculum, as a chart and a table. */
@Named
@RequestScoped
public class ResultsBacking {

    /** One instrument's results as the page shows them. */
    public record View(String slug, String title, String chart, List<String> headers, List<Row> rows,
            String cautionHtml, String positionChart, String positionText) {
    }

    public record Row(String subscale, List<String> cells, String change) {
    }

    @Inject
    private SelfRatingService ratings;

    @Inject
    private CurriculumService curricula;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private LocaleBacking language;

    private final List<View> views = new ArrayList<>();

    @PostConstruct
    void load() {
        Locale locale = language.getLocale();
        curricula.curriculumOf(currentUser.require())
                .ifPresent(curriculum -> ratings.results(currentUser.require(), curriculum)
                        .forEach(r -> views.add(view(inLanguage(catalog, r, curriculum, locale)))));
    }

    /**
     * The results in the reader's language: the instrument's titles and subscales from its translation, the
     * milestones' titles from the curriculum's; the scores are the same numbers.
     */
    public static SelfRatingResults inLanguage(ContentCatalog catalog, SelfRatingResults r,
            CurriculumDefinition curriculum,
            Locale locale) {
        CurriculumDefinition translated = catalog.inLanguage(curriculum, locale);
        Map<String, String> titles = new LinkedHashMap<>();
        translated.milestones().forEach(m -> titles.put(m.id(), m.title()));
        List<SelfRatingResults.Column> columns = r.columns().stream().map(c -> new SelfRatingResults.Column(
                c.milestone(), titles.getOrDefault(c.milestone(), c.milestoneTitle()), c.perspective())).toList();
        return new SelfRatingResults(catalog.inLanguage(r.instrument(), locale), columns, r.scores(), r.change(),
                r.position().map(p -> new SelfRatingResults.Position(curriculum.milestones().stream()
                        .filter(m -> m.title().equals(p.milestoneTitle())).findFirst()
                        .map(m -> titles.getOrDefault(m.id(), p.milestoneTitle())).orElse(p.milestoneTitle()), p.x(),
                        p.xError(), p.y(), p.yError())));
    }

    public static View view(SelfRatingResults r) {
        InstrumentDefinition instrument = r.instrument();
        List<String> headers = r.columns().stream().map(c -> c.perspective() == Perspective.THEN
                ? Bundle.text("results.lookingBack", c.milestoneTitle()) : c.milestoneTitle()).toList();
        Map<String, List<Optional<Double>>> series = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        int maxItems = 1;
        boolean sum = false;
        for (InstrumentDefinition.Subscale s : instrument.subscales()) {
            List<Optional<Double>> values = r.scores().get(s.id());
            series.put(s.title(), values);
            rows.add(new Row(s.title(), values.stream().map(v -> v.map(ResultsBacking::format).orElse("—")).toList(),
                    r.change().get(s.id())
                            .map(c -> Bundle.text(c.reliable() ? "results.reliable" : "results.notReliable",
                                    (c.change() >= 0 ? "+" : "") + format(c.change())))
                            .orElse("—")));
            maxItems = Math.max(maxItems, s.items().size());
            sum |= s.rule() == InstrumentDefinition.ScoreRule.SUM;
        }
        double min = instrument.scale().min() * (sum ? maxItems : 1);
        double max = instrument.scale().max() * (sum ? maxItems : 1);
        String chart = LineChart.svg(Bundle.text("results.chartLabel", instrument.title()), headers, series, min, max);
        String positionChart = null;
        String positionText = null;
        if (r.position().isPresent() && instrument.classification() != null) {
            SelfRatingResults.Position p = r.position().get();
            InstrumentDefinition.Classification c = instrument.classification();
            String xTitle = subscaleTitle(instrument, c.x());
            String yTitle = subscaleTitle(instrument, c.y());
            positionText = Bundle.text("results.position", p.milestoneTitle(), xTitle, format(p.x()),
                    format(p.x() - 1.96 * p.xError()), format(p.x() + 1.96 * p.xError()), yTitle, format(p.y()),
                    format(p.y() - 1.96 * p.yError()), format(p.y() + 1.96 * p.yError()),
                    side(p.x(), c), side(p.y(), c));
            positionChart = PositionChart.svg(Bundle.text("results.positionLabel", instrument.title()), xTitle, yTitle,
                    instrument.scale().min(),
                    instrument.scale().max(), c.midpoint(), InstrumentDefinition.Classification.NEAR_THE_MIDDLE,
                    c.types(), p.x(), p.xError(), p.y(),
                    p.yError());
        }
        return new View(instrument.slug(), instrument.title(), chart, headers, rows, instrument.cautionHtml(),
                positionChart, positionText);
    }

    private static String subscaleTitle(InstrumentDefinition instrument, String id) {
        return instrument.subscales().stream().filter(s -> s.id().equals(id)).findFirst()
                .map(InstrumentDefinition.Subscale::title).orElse(id);
    }

    /** Where a score sits against the midpoint: below, near the middle, or above. */
    private static String side(double value, InstrumentDefinition.Classification c) {
        return Bundle.text(c.nearTheMiddle(value) ? "results.nearMiddle"
                : value < c.midpoint() ? "results.below" : "results.above");
    }

    private static String format(double value) {
        return Numbers.decimals(value, 2);
    }

    public List<View> getViews() {
        return views;
    }
}
