package org.securebase.domain.instrument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.securebase.domain.BusinessException;
import org.securebase.domain.instrument.InstrumentDefinition.Classification;
import org.securebase.domain.instrument.InstrumentDefinition.ScoreRule;
import org.securebase.domain.instrument.InstrumentDefinition.Subscale;

/**
 * Scores one set of answers: reverse keys first (min + max - x), then each subscale by its rule. A subscale with
 * fewer answered items than its minimum share is "not scorable", never a silent zero. A sum with some items
 * missing is prorated (mean of the answered items times the number of items), so it stays comparable.
 */
public final class InstrumentScoring {

    private InstrumentScoring() {
    }

    /**
     * A subscale's score, or empty when too few of its items were answered; with the standard error of that score
     * from the spread of the person's own answers (empty below two answers): how firmly the answers place them.
     */
    public record SubscaleScore(String subscale, Optional<Double> value, int answered, int items,
            Optional<Double> standardError) {

        public SubscaleScore(String subscale, Optional<Double> value, int answered, int items) {
            this(subscale, value, answered, items, Optional.empty());
        }

        public boolean scorable() {
            return value.isPresent();
        }
    }

    /** All subscale scores and, where the instrument defines one, the type. */
    public record Score(Map<String, SubscaleScore> subscales, Optional<String> type) {
    }

    /**
     * @param answers item id to the raw answer on the instrument's scale; items may be missing
     * @throws BusinessException when an answer names an unknown item or lies outside the scale
     */
    public static Score score(InstrumentDefinition instrument, Map<String, Integer> answers) {
        for (Map.Entry<String, Integer> answer : answers.entrySet()) {
            if (instrument.item(answer.getKey()).isEmpty()) {
                throw new BusinessException("instrument.unknownItem", "no item '" + answer.getKey() + "'");
            }
            if (answer.getValue() == null || !instrument.scale().contains(answer.getValue())) {
                throw new BusinessException("instrument.outOfScale", "item '" + answer.getKey() + "': "
                        + answer.getValue() + " is outside " + instrument.scale().min() + ".."
                        + instrument.scale().max());
            }
        }
        Map<String, SubscaleScore> scores = new LinkedHashMap<>();
        for (Subscale subscale : instrument.subscales()) {
            scores.put(subscale.id(), subscale(instrument, subscale, answers));
        }
        return new Score(scores, instrument.optionalClassification().flatMap(c -> classify(c, scores)));
    }

    private static SubscaleScore subscale(InstrumentDefinition instrument, Subscale subscale,
            Map<String, Integer> answers) {
        double total = 0;
        int answered = 0;
        List<Integer> values = new ArrayList<>();
        for (String itemId : subscale.items()) {
            Integer raw = answers.get(itemId);
            if (raw != null) {
                boolean reverse = instrument.item(itemId).map(InstrumentDefinition.Item::reverse).orElse(false);
                int value = reverse ? instrument.scale().reverse(raw) : raw;
                total += value;
                values.add(value);
                answered++;
            }
        }
        int items = subscale.items().size();
        // A tiny tolerance so that, say, 4 of 5 items meets a 0.8 minimum despite floating point.
        if (answered == 0 || answered + 1e-9 < subscale.minAnswered() * items) {
            return new SubscaleScore(subscale.id(), Optional.empty(), answered, items);
        }
        double mean = total / answered;
        Optional<Double> error = Optional.empty();
        if (answered >= 2) {
            double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            double se = Math.sqrt(squares / (answered - 1)) / Math.sqrt(answered);
            error = Optional.of(subscale.rule() == ScoreRule.MEAN ? se : se * items);
        }
        return new SubscaleScore(subscale.id(), Optional.of(subscale.rule() == ScoreRule.MEAN ? mean : mean * items),
                answered, items, error);
    }

    private static Optional<String> classify(Classification c, Map<String, SubscaleScore> scores) {
        Optional<Double> x = scores.get(c.x()).value();
        Optional<Double> y = scores.get(c.y()).value();
        if (x.isEmpty() || y.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(c.types().get(side(x.get(), c) + "-" + side(y.get(), c)));
    }

    private static String side(double value, Classification c) {
        if (value == c.midpoint()) {
            return c.midpointIsHigh() ? "high" : "low";
        }
        return value > c.midpoint() ? "high" : "low";
    }
}
