package org.securebase.web.util;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.reflection.ReflectionVersion;
import org.securebase.domain.review.InlineComment;
import org.securebase.domain.review.Review;
import org.securebase.domain.review.RubricDefinition;

/**
 * A reviewed version as people read it: answers with the commented passages marked and numbered, the comments in
 * the same order, the rubric rating in words, and the difference from the version before. Every piece of text is
 * escaped here; the only markup in the output is our own.
 */
public final class ReviewDisplay {

    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}'’-]+|[^\\s\\p{L}\\p{N}]");

    private ReviewDisplay() {
    }

    public record CommentView(Long id, int number, String quote, String text, String author) {
    }

    public record PromptView(String promptId, String prompt, String answerHtml, List<CommentView> comments,
            String diffHtml) {
    }

    public record Criterion(String title, String level) {
    }

    /** A version with its review; decision and rating are empty while the review is open. */
    public record VersionView(int number, String submittedAt, String decision, String tutor, String decidedAt,
            String level, List<Criterion> criteria, String overallComment, List<PromptView> prompts,
            boolean returned) {
    }

    /**
     * @param previous the version before, for the difference (null for the first)
     */
    public static VersionView version(ModuleDefinition module, ReflectionVersion version, ReflectionVersion previous,
            Review review, RubricDefinition rubric) {
        List<InlineComment> comments = review == null ? List.of() : review.getComments();
        List<PromptView> prompts = new ArrayList<>();
        int number = 1;
        for (ModuleDefinition.Prompt p : module.prompts()) {
            List<InlineComment> mine = comments.stream().filter(c -> c.getPromptId().equals(p.id()))
                    .sorted(Comparator.comparingInt(InlineComment::getStartOffset)
                            .thenComparingInt(InlineComment::getEndOffset))
                    .toList();
            List<CommentView> views = new ArrayList<>();
            for (InlineComment c : mine) {
                views.add(new CommentView(c.getId(), number++, c.getQuote(), c.getText(),
                        c.getAuthor().getDisplayName()));
            }
            String text = version.answer(p.id());
            prompts.add(new PromptView(p.id(), p.text(), highlighted(text, mine, views), views,
                    previous == null ? null : diff(previous.answer(p.id()), text)));
        }
        String decision = review == null ? null : review.decision().map(d -> Bundle.text("review.decision." + d))
                .orElse(null);
        List<Criterion> criteria = new ArrayList<>();
        if (review != null && review.decision().isPresent()) {
            for (RubricDefinition.Criterion c : rubric.criteria()) {
                String level = review.getCriterionLevels().get(c.id());
                if (level != null) {
                    criteria.add(new Criterion(c.title(), rubric.ratingTitle(c, level)));
                }
            }
        }
        return new VersionView(version.getNumber(), when(version.getSubmittedAt()), decision,
                review == null ? null : review.tutor().map(a -> a.getDisplayName()).orElse(null),
                review == null ? null : review.decidedAt().map(ReviewDisplay::when).orElse(null),
                review == null ? null : review.overallLevel().map(l -> levelTitle(rubric, l)).orElse(null),
                criteria, review == null ? null : review.overallComment().orElse(null), prompts,
                review != null && review.decision().map(d -> d == Review.Decision.RETURNED).orElse(false));
    }

    static String levelTitle(RubricDefinition rubric, String id) {
        return rubric.levels().stream().filter(l -> l.id().equals(id)).findFirst()
                .map(l -> l.title()).orElse(id);
    }

    /**
     * The text with each commented passage in a {@code mark} numbered by data attributes (shown by CSS, so that the
     * marked-up text reads, and selects, exactly as the answer does). Overlapping passages are split at every
     * boundary; each piece lists all the comments it belongs to.
     */
    static String highlighted(String text, List<InlineComment> comments, List<CommentView> numbers) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        for (InlineComment c : comments) {
            if (c.getEndOffset() <= text.length()) {
                cuts.add(c.getStartOffset());
                cuts.add(c.getEndOffset());
            }
        }
        StringBuilder html = new StringBuilder();
        Integer from = null;
        for (int cut : cuts) {
            if (from != null && cut > from) {
                List<String> covering = new ArrayList<>();
                List<String> ending = new ArrayList<>();
                for (int i = 0; i < comments.size(); i++) {
                    InlineComment c = comments.get(i);
                    if (c.getStartOffset() <= from && c.getEndOffset() >= cut && c.getEndOffset() <= text.length()) {
                        covering.add(String.valueOf(numbers.get(i).number()));
                        if (c.getEndOffset() == cut) {
                            ending.add(String.valueOf(numbers.get(i).number()));
                        }
                    }
                }
                String piece = Html.escape(text.substring(from, cut));
                if (covering.isEmpty()) {
                    html.append(piece);
                } else {
                    html.append("<mark data-comments=\"").append(String.join(" ", covering)).append('"')
                            .append(ending.isEmpty() ? "" : " data-n=\"" + String.join(",", ending) + "\"").append('>')
                            .append(piece).append("</mark>");
                }
            }
            from = cut;
        }
        return html.toString();
    }

    /** Word-level difference: removed words in {@code del}, added ones in {@code ins}, the rest as it was. */
    public static String diff(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        StringBuilder html = new StringBuilder();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            html.append(Html.escape(String.join("", a.subList(position, start))));
            if (!delta.getSource().getLines().isEmpty()) {
                html.append("<del>").append(Html.escape(String.join("", delta.getSource().getLines())))
                        .append("</del>");
            }
            if (!delta.getTarget().getLines().isEmpty()) {
                html.append("<ins>").append(Html.escape(String.join("", delta.getTarget().getLines())))
                        .append("</ins>");
            }
            position = start + delta.getSource().getLines().size();
        }
        html.append(Html.escape(String.join("", a.subList(position, a.size()))));
        return html.toString();
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /** In the viewer's time zone and language (see {@link Times}). */
    public static String when(Instant instant) {
        return Times.when(instant);
    }

    /** Levels by id for a select or radio list, lowest first. */
    public static Map<String, String> levels(RubricDefinition rubric) {
        Map<String, String> levels = new LinkedHashMap<>();
        rubric.levels().forEach(l -> levels.put(l.id(), l.title()));
        return levels;
    }
}
