package org.securebase.domain.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.securebase.domain.instrument.InstrumentDefinition.Subscale;
import org.securebase.domain.instrument.InstrumentScoring.SubscaleScore;

/**
 * What the scoring engine makes of two example ratings of an instrument (a first one and a later one), for an author
 * before publishing: each subscale's score or why it cannot be scored, the change between them with its Reliable
 * Change Index when the file gives norms, the type where the instrument classifies, and which scores lie so near the
 * classification's midpoint that the type says little. The same {@link InstrumentScoring} students' ratings go
 * through.
 */
public record ScoringPreview(List<Row> rows, Optional<String> firstType, Optional<String> laterType) {

    public ScoringPreview {
        rows = List.copyOf(rows);
    }

    /** One subscale's line of the preview. */
    public record Row(Subscale subscale, SubscaleScore first, SubscaleScore later,
            Optional<ChangeStatistics.ReliableChange> change, boolean firstNearMiddle, boolean laterNearMiddle) {

        /** How many of the subscale's items must be answered for it to be scored. */
        public int needed() {
            return ScoringPreview.needed(subscale);
        }

        /** Whether the file gives the SD and reliability the Reliable Change Index needs. */
        public boolean hasNorms() {
            return subscale.sd() != null && subscale.reliability() != null;
        }
    }

    /**
     * @throws org.securebase.domain.BusinessException when an example answer lies outside the scale or names no item
     */
    public static ScoringPreview of(InstrumentDefinition instrument, Map<String, Integer> first,
            Map<String, Integer> later) {
        InstrumentScoring.Score a = InstrumentScoring.score(instrument, first);
        InstrumentScoring.Score b = InstrumentScoring.score(instrument, later);
        Optional<InstrumentDefinition.Classification> c = instrument.optionalClassification();
        List<Row> rows = new ArrayList<>();
        for (Subscale s : instrument.subscales()) {
            SubscaleScore x = a.subscales().get(s.id());
            SubscaleScore y = b.subscales().get(s.id());
            Optional<ChangeStatistics.ReliableChange> change = Optional.empty();
            if (x.scorable() && y.scorable() && s.sd() != null && s.reliability() != null) {
                change = Optional.of(ChangeStatistics.reliableChange(x.value().get(), y.value().get(), s.sd(),
                        s.reliability()));
            }
            boolean classified = c.isPresent() && (c.get().x().equals(s.id()) || c.get().y().equals(s.id()));
            rows.add(new Row(s, x, y, change, classified && x.value().map(c.get()::nearTheMiddle).orElse(false),
                    classified && y.value().map(c.get()::nearTheMiddle).orElse(false)));
        }
        return new ScoringPreview(rows, a.type(), b.type());
    }

    /** The smallest number of answered items that meets the subscale's missing-data rule. */
    public static int needed(Subscale subscale) {
        int items = subscale.items().size();
        // The same tolerance as the scoring: 4 of 5 items meets a 0.8 minimum despite floating point.
        return Math.max(1, (int) Math.ceil(subscale.minAnswered() * items - 1e-9));
    }
}
