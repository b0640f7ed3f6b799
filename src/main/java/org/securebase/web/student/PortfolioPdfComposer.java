package org.securebase.web.student;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.securebase.application.MirrorService;
import org.securebase.application.SelfRatingResults;
import org.securebase.application.content.ContentCatalog;
import org.securebase.application.portfolio.PortfolioComposer;
import org.securebase.application.portfolio.PortfolioContent;
import org.securebase.application.portfolio.PortfolioWriter;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.instrument.SelfRating.Perspective;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.review.InlineComment;
import org.securebase.domain.review.Review;
import org.securebase.web.WebPageLinks;
import org.securebase.web.util.Bundle;
import org.securebase.web.util.Numbers;
import org.securebase.web.util.ReviewDisplay;

/**
 * The portfolio PDF's words, in the trainee's language from the page bundle: a cover with the verification code and
 * the public address to check it, one part per chosen reflection (the accepted version's answers, the tutor's
 * rubric rating and comments, the version history), the self-rating charts with their numbers as a table, and the
 * mirror's sentences.
 */
@ApplicationScoped
public class PortfolioPdfComposer implements PortfolioComposer {

    @Inject
    private WebPageLinks links;

    @Inject
    private ContentCatalog catalog;

    @Override
    public PortfolioWriter.Portfolio compose(PortfolioContent content) {
        Locale locale = content.locale();
        List<PortfolioWriter.Section> sections = new ArrayList<>();
        for (PortfolioContent.ReflectionPart part : content.reflections()) {
            sections.add(reflection(locale, part));
        }
        if (!content.ratings().isEmpty()) {
            sections.add(new PortfolioWriter.Section(t(locale, "portfolio.pdf.ratings"),
                    ratings(locale, content, content.ratings(), t(locale, "portfolio.pdf.ratingsIntro"))));
        }
        content.mirror().ifPresent(m -> sections.add(mirror(locale, content, m)));
        String title = t(locale, "portfolio.pdf.title");
        String issued = when(locale, content.issuedAt());
        PortfolioWriter.Cover cover = new PortfolioWriter.Cover(title,
                List.of(t(locale, "portfolio.pdf.holder", content.holder()),
                        t(locale, "portfolio.pdf.school", content.school()), t(locale, "portfolio.pdf.issued", issued)),
                t(locale, "portfolio.pdf.verificationHeading"), content.code(), links.verification(content.code()),
                t(locale, "portfolio.pdf.verificationNote"));
        return new PortfolioWriter.Portfolio(locale.toLanguageTag(), title + " · " + content.holder(),
                content.holder(), cover, t(locale, "portfolio.pdf.contents"), sections,
                t(locale, "portfolio.pdf.pageOf"), t(locale, "portfolio.pdf.footer", content.school(), content.code()));
    }

    private PortfolioWriter.Section reflection(Locale locale, PortfolioContent.ReflectionPart part) {
        ModuleDefinition module = part.module();
        PortfolioContent.VersionPart accepted = part.accepted();
        Review review = accepted.review().orElse(null);
        List<PortfolioWriter.Block> blocks = new ArrayList<>();
        blocks.add(new PortfolioWriter.Note(t(locale, "portfolio.pdf.accepted", accepted.version().getNumber(),
                part.versions().size(), when(locale, accepted.version().getSubmittedAt()),
                review == null ? "—" : review.decidedAt().map(i -> when(locale, i)).orElse("—"),
                review == null ? "—" : review.tutor().map(a -> a.getDisplayName()).orElse("—"))));
        if (review != null) {
            ReviewDisplay.VersionView view = ReviewDisplay.version(module, accepted.version(), null, review,
                    accepted.rubric());
            blocks.add(new PortfolioWriter.Subheading(t(locale, "portfolio.pdf.assessment")));
            List<List<String>> rows = new ArrayList<>();
            if (view.level() != null) {
                rows.add(List.of(t(locale, "portfolio.pdf.overallLevel"), view.level()));
            }
            view.criteria().forEach(c -> rows.add(List.of(c.title(), c.level())));
            if (!rows.isEmpty()) {
                blocks.add(new PortfolioWriter.Table(List.of(t(locale, "portfolio.pdf.criterion"),
                        t(locale, "portfolio.pdf.rating")), rows));
            }
            review.overallComment().ifPresent(c -> blocks.add(new PortfolioWriter.Comment(
                    t(locale, "portfolio.pdf.overallComment"), c)));
        }
        blocks.add(new PortfolioWriter.Subheading(t(locale, "portfolio.pdf.answers", accepted.version().getNumber())));
        for (ModuleDefinition.Prompt prompt : module.prompts()) {
            blocks.add(new PortfolioWriter.Subheading(prompt.text()));
            String answer = accepted.version().answer(prompt.id());
            blocks.add(new PortfolioWriter.Text(answer.isBlank() ? "—" : answer));
        }
        List<InlineComment> comments = review == null ? List.of() : review.getComments();
        if (!comments.isEmpty()) {
            blocks.add(new PortfolioWriter.Subheading(t(locale, "portfolio.pdf.comments")));
            comments.forEach(c -> blocks.add(new PortfolioWriter.Quote(c.getQuote(),
                    t(locale, "portfolio.pdf.commentBy", c.getText(), c.getAuthor().getDisplayName()))));
        }
        blocks.add(new PortfolioWriter.Subheading(t(locale, "portfolio.pdf.history")));
        List<List<String>> history = new ArrayList<>();
        for (PortfolioContent.VersionPart v : part.versions()) {
            Optional<Review> r = v.review();
            history.add(List.of(String.valueOf(v.version().getNumber()), when(locale, v.version().getSubmittedAt()),
                    r.flatMap(Review::decision).map(d -> t(locale, "review.decision." + d)).orElse("—"),
                    r.flatMap(Review::overallLevel).map(l -> levelTitle(v, l)).orElse("—"),
                    String.valueOf(r.map(x -> x.getComments().size()).orElse(0)),
                    String.valueOf(words(v))));
        }
        blocks.add(new PortfolioWriter.Table(List.of(t(locale, "portfolio.pdf.history.version"),
                t(locale, "portfolio.pdf.history.submitted"), t(locale, "portfolio.pdf.history.decision"),
                t(locale, "portfolio.pdf.history.level"), t(locale, "portfolio.pdf.history.comments"),
                t(locale, "portfolio.pdf.history.words")), history));
        // The feedback that led to each revision: what the tutor said about the versions before the accepted one.
        for (PortfolioContent.VersionPart v : part.versions().subList(0, part.versions().size() - 1)) {
            Review earlier = v.review().orElse(null);
            if (earlier == null || (earlier.overallComment().isEmpty() && earlier.getComments().isEmpty())) {
                continue;
            }
            blocks.add(new PortfolioWriter.Note(t(locale, "portfolio.pdf.earlierFeedback", v.version().getNumber(),
                    earlier.decision().map(d -> t(locale, "review.decision." + d)).orElse("—"))));
            earlier.overallComment().ifPresent(c -> blocks.add(new PortfolioWriter.Comment(
                    t(locale, "portfolio.pdf.overallComment"), c)));
            earlier.getComments().forEach(c -> blocks.add(new PortfolioWriter.Quote(c.getQuote(),
                    t(locale, "portfolio.pdf.commentBy", c.getText(), c.getAuthor().getDisplayName()))));
        }
        return new PortfolioWriter.Section(module.title(), blocks);
    }

    private static String levelTitle(PortfolioContent.VersionPart v, String level) {
        return v.rubric() == null ? level
                : v.rubric().levels().stream().filter(l -> l.id().equals(level)).findFirst().map(l -> l.title())
                        .orElse(level);
    }

    private static int words(PortfolioContent.VersionPart v) {
        return v.version().getAnswers().values().stream()
                .mapToInt(a -> a.isBlank() ? 0 : a.strip().split("\\s+").length).sum();
    }

    private List<PortfolioWriter.Block> ratings(Locale locale, PortfolioContent content, List<SelfRatingResults> all,
            String intro) {
        List<PortfolioWriter.Block> blocks = new ArrayList<>();
        blocks.add(new PortfolioWriter.Note(intro));
        for (SelfRatingResults raw : all) {
            SelfRatingResults r = content.curriculum()
                    .map(c -> ResultsBacking.inLanguage(catalog, raw, c, locale)).orElse(raw);
            InstrumentDefinition instrument = r.instrument();
            List<String> columns = r.columns().stream().map(c -> c.perspective() == Perspective.THEN
                    ? t(locale, "results.lookingBack", c.milestoneTitle()) : c.milestoneTitle()).toList();
            List<PortfolioWriter.Series> series = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            int maxItems = 1;
            boolean sum = false;
            for (InstrumentDefinition.Subscale s : instrument.subscales()) {
                List<Optional<Double>> values = r.scores().get(s.id());
                series.add(new PortfolioWriter.Series(s.title(), values.stream().map(v -> v.orElse(null)).toList()));
                List<String> row = new ArrayList<>();
                row.add(s.title());
                values.forEach(v -> row.add(v.map(x -> Numbers.decimals(x, 2)).orElse("—")));
                rows.add(row);
                maxItems = Math.max(maxItems, s.items().size());
                sum |= s.rule() == InstrumentDefinition.ScoreRule.SUM;
            }
            double min = instrument.scale().min() * (sum ? maxItems : 1);
            double max = instrument.scale().max() * (sum ? maxItems : 1);
            blocks.add(new PortfolioWriter.Subheading(instrument.title()));
            blocks.add(new PortfolioWriter.Chart(t(locale, "results.chartLabel", instrument.title()), columns, series,
                    min, max));
            List<String> header = new ArrayList<>();
            header.add(t(locale, "portfolio.pdf.subscale"));
            header.addAll(columns);
            blocks.add(new PortfolioWriter.Table(header, rows));
        }
        return blocks;
    }

    private PortfolioWriter.Section mirror(Locale locale, PortfolioContent content, MirrorService.Mirror m) {
        List<PortfolioWriter.Block> blocks = new ArrayList<>();
        blocks.add(new PortfolioWriter.Note(t(locale, "mirror.intro")));
        blocks.add(new PortfolioWriter.Subheading(t(locale, "mirror.tendencies")));
        if (m.tendencies().isEmpty()) {
            blocks.add(new PortfolioWriter.Text(t(locale, "mirror.none")));
        }
        m.tendencies().forEach(tendency -> blocks.add(new PortfolioWriter.Text(MirrorBacking.sentence(locale,
                tendency))));
        if (!m.relationalStyle().isEmpty()) {
            blocks.add(new PortfolioWriter.Subheading(t(locale, "mirror.relational")));
            blocks.addAll(ratings(locale, content, m.relationalStyle(), t(locale, "mirror.guide1")));
        }
        return new PortfolioWriter.Section(t(locale, "portfolio.pdf.mirror"), blocks);
    }

    private static String when(Locale locale, Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .withZone(ZoneId.systemDefault()).format(instant);
    }

    private static String t(Locale locale, String key, Object... args) {
        return Bundle.text(locale, key, args);
    }
}
