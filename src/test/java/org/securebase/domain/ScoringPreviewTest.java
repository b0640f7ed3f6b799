package org.securebase.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.instrument.InstrumentDefinition.Classification;
import org.securebase.domain.instrument.InstrumentDefinition.Item;
import org.securebase.domain.instrument.InstrumentDefinition.Kind;
import org.securebase.domain.instrument.InstrumentDefinition.Scale;
import org.securebase.domain.instrument.InstrumentDefinition.ScoreRule;
import org.securebase.domain.instrument.InstrumentDefinition.Subscale;
import org.securebase.domain.instrument.ScoringPreview;

/** The studio's scoring preview; every expected value is worked out by hand beside it. */
class ScoringPreviewTest {

    /** A licensed instrument without item text: four items on 1..5, the fourth reverse-keyed. */
    private static InstrumentDefinition licensed(Classification classification) {
        return new InstrumentDefinition("t", "Test", Kind.LICENSED, "", "caution", new Scale(1, 5, Map.of(1, "no",
                5, "yes")), List.of(new Item("i1", null, false), new Item("i2", null, false),
                        new Item("i3", null, false), new Item("i4", null, true)),
                List.of(new Subscale("total", "Total", List.of("i1", "i2", "i3", "i4"), ScoreRule.MEAN, 0.75, 0.6,
                        0.85), new Subscale("pair", "Pair", List.of("i1", "i2"), ScoreRule.SUM, 0.5, null, null)),
                classification, List.of(), false);
    }

    @Test
    void aChangeLargerThanMeasurementErrorIsReliable() {
        // first: i4 = 4 reversed is 1 + 5 - 4 = 2, total = (2 + 2 + 2 + 2) / 4 = 2; later: i4 = 2 reversed is 4,
        // total = 4. RCI = (4 - 2) / (sqrt(2) * 0.6 * sqrt(1 - 0.85)) = 2 / 0.32863 = 6.086
        ScoringPreview p = ScoringPreview.of(licensed(null), Map.of("i1", 2, "i2", 2, "i3", 2, "i4", 4),
                Map.of("i1", 4, "i2", 4, "i3", 4, "i4", 2));
        ScoringPreview.Row total = p.rows().get(0);
        assertEquals(Optional.of(2.0), total.first().value());
        assertEquals(Optional.of(4.0), total.later().value());
        assertEquals(6.086, total.change().orElseThrow().rci(), 0.001);
        assertTrue(total.change().get().reliable());
        // The pair has no norms: its change is not judged against measurement error.
        assertFalse(p.rows().get(1).hasNorms());
        assertEquals(Optional.empty(), p.rows().get(1).change());
    }

    @Test
    void tooFewAnswersAreNotScoredAndSayHowManyAreNeeded() {
        // 0.75 of 4 items: 3 needed; 2 answered is not enough, so there is no score and no change.
        ScoringPreview p = ScoringPreview.of(licensed(null), Map.of("i1", 3, "i2", 3, "i3", 3),
                Map.of("i1", 5, "i2", 5));
        ScoringPreview.Row total = p.rows().get(0);
        assertEquals(3, total.needed());
        assertTrue(total.first().scorable());
        assertFalse(total.later().scorable());
        assertEquals(2, total.later().answered());
        assertEquals(Optional.empty(), total.change());
        // The pair needs 0.5 of 2 = 1 item; a sum of 5 + 5 = 10.
        assertEquals(1, p.rows().get(1).needed());
        assertEquals(Optional.of(10.0), p.rows().get(1).later().value());
    }

    @Test
    void aScoreNearTheMidpointIsFlaggedBesideItsType() {
        // total against a midpoint of 3: first (3 + 3 + 4 + 3) / 4 = 3.25 lies within 0.5 of it; later
        // (5 + 5 + 5 + 5) / 4 = 5 does not. The pair is a sum (6 then 10), far above 3 both times.
        Classification c = new Classification("total", "pair", 3, false, Map.of("low-low", "LL", "high-low", "HL",
                "low-high", "LH", "high-high", "HH"));
        ScoringPreview p = ScoringPreview.of(licensed(c), Map.of("i1", 3, "i2", 3, "i3", 4, "i4", 3),
                Map.of("i1", 5, "i2", 5, "i3", 5, "i4", 1));
        assertTrue(p.rows().get(0).firstNearMiddle());
        assertFalse(p.rows().get(0).laterNearMiddle());
        assertFalse(p.rows().get(1).firstNearMiddle());
        assertEquals(Optional.of("HH"), p.firstType());
        assertEquals(Optional.of("HH"), p.laterType());
    }
}
