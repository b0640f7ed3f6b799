package org.securebase.domain.instrument;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A self-rating instrument as its file describes it: the scale, the items, reverse keys, subscales with their
 * scoring rule, and optionally a four-way classification from two subscales. Our own instruments ship with item
 * text; a published instrument a school holds a licence for can be described without it ({@link Kind#LICENSED}).
 * With {@code privateResults} the results belong to the student alone: no cohort view or export includes them.
 */
public record InstrumentDefinition(
        String slug,
        String title,
        Kind kind,
        String instructionsHtml,
        String cautionHtml,
        Scale scale,
        List<Item> items,
        List<Subscale> subscales,
        Classification classification,
        List<String> references,
        boolean privateResults) {

    public enum Kind { ORIGINAL, LICENSED }

    public enum ScoreRule { MEAN, SUM }

    public InstrumentDefinition {
        items = List.copyOf(items);
        subscales = List.copyOf(subscales);
        references = List.copyOf(references);
    }

    /** A rating scale from min to max with labels for some points. */
    public record Scale(int min, int max, Map<Integer, String> anchors) {

        public Scale {
            anchors = Map.copyOf(anchors);
        }

        public boolean contains(int value) {
            return value >= min && value <= max;
        }

        /** A reverse-keyed answer counts as min + max - x. */
        public int reverse(int value) {
            return min + max - value;
        }
    }

    /** One item; {@code text} is null for a licensed instrument whose wording the school supplies. */
    public record Item(String id, String text, boolean reverse) {
    }

    /**
     * A subscale: its items, mean or sum, the share of items that must be answered to score it, and the SD and
     * reliability used for the Reliable Change Index when the file gives them.
     */
    public record Subscale(String id, String title, List<String> items, ScoreRule rule, double minAnswered,
            Double sd, Double reliability) {

        public Subscale {
            items = List.copyOf(items);
        }
    }

    /**
     * Four types from two subscale scores against a midpoint; {@code midpointIsHigh} says how a score exactly on
     * the midpoint counts. Type keys are "low-low", "high-low", "low-high", "high-high" (x first, then y).
     */
    public record Classification(String x, String y, double midpoint, boolean midpointIsHigh,
            Map<String, String> types) {

        public static final List<String> KEYS = List.of("low-low", "high-low", "low-high", "high-high");

        /**
         * Half the width, in scale points, of the band around the midpoint where a score says little either way
         * (3.5 to 4.5 around a midpoint of 4): a type read from a score there is as much chance as character.
         */
        public static final double NEAR_THE_MIDDLE = 0.5;

        public Classification {
            types = Map.copyOf(types);
        }

        /** Whether a score lies in the band around the midpoint. */
        public boolean nearTheMiddle(double value) {
            return Math.abs(value - midpoint) <= NEAR_THE_MIDDLE;
        }
    }

    public Optional<Item> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public Optional<Classification> optionalClassification() {
        return Optional.ofNullable(classification);
    }
}
