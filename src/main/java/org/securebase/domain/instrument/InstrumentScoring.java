package org.securebase.domain.instrument;

import java.util.LinkedHashMap;
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

    /** A subscale's score, or empty when too few of its items were answered. */
    public record SubscaleScore(String subscale, Optional<Double> value, int answered, int items) {

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
        for (String itemId : subscale.items()) {
            Integer raw = answers.get(itemId);
            if (raw != null) {
                boolean reverse = instrument.item(itemId).map(InstrumentDefinition.Item::reverse).orElse(false);
                total += reverse ? instrument.scale().reverse(raw) : raw;
                answered++;
            }
        }
        int items = subscale.items().size();
        // A tiny tolerance so that, say, 4 of 5 items meets a 0.8 minimum despite floating point.
        if (answered == 0 || answered + 1e-9 < subscale.minAnswered() * items) {
            return new SubscaleScore(subscale.id(), Optional.empty(), answered, items);
        }
        double mean = total / answered;
        return new SubscaleScore(subscale.id(), Optional.of(subscale.rule() == ScoreRule.MEAN ? mean : mean * items),
                answered, items);
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
