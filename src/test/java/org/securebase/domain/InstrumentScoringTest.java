package org.securebase.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import org.securebase.domain.instrument.InstrumentScoring;
import org.securebase.domain.instrument.InstrumentScoring.Score;

/** Every expected value below is worked out by hand in the comment beside it. */
class InstrumentScoringTest {

    private static InstrumentDefinition instrument(boolean midpointIsHigh) {
        return new InstrumentDefinition("t", "Test", Kind.ORIGINAL, "", null,
                new Scale(1, 7, Map.of(1, "no", 7, "yes")),
                List.of(new Item("a", "A", false), new Item("b", "B", false), new Item("c", "C", false),
                        new Item("d", "D", true)),
                List.of(new Subscale("anx", "Anxiety", List.of("a", "b", "c", "d"), ScoreRule.MEAN, 0.75, null, null),
                        new Subscale("avo", "Avoidance", List.of("a", "b"), ScoreRule.SUM, 0.5, null, null)),
                new Classification("anx", "avo", 4, midpointIsHigh, Map.of("low-low", "Secure", "high-low",
                        "Preoccupied", "low-high", "Dismissing", "high-high", "Fearful")),
                List.of(), false);
    }

    private static Optional<Double> value(Score score, String subscale) {
        return score.subscales().get(subscale).value();
    }

    @Test
    void reverseKeysThenMeanAndSum() {
        // d = 2 reversed on 1..7 is 1 + 7 - 2 = 6; anx = (7 + 5 + 3 + 6) / 4 = 5.25; avo = 7 + 5 = 12
        Score score = InstrumentScoring.score(instrument(false), Map.of("a", 7, "b", 5, "c", 3, "d", 2));
        assertEquals(Optional.of(5.25), value(score, "anx"));
        assertEquals(Optional.of(12.0), value(score, "avo"));
        assertEquals(Optional.of("Fearful"), score.type(), "anx 5.25 and avo 12 are both above the midpoint 4");
    }

    @Test
    void enoughAnswersScoreTheAnsweredItemsAndASumIsProrated() {
        // anx: 3 of 4 answered meets 0.75: (7 + 5 + 3) / 3 = 5.0; avo: 1 of 2 meets 0.5: 7 x 2 = 14 (prorated)
        Score score = InstrumentScoring.score(instrument(false), Map.of("a", 7, "c", 3, "b", 5));
        assertEquals(Optional.of(5.0), value(score, "anx"));
        Score one = InstrumentScoring.score(instrument(false), Map.of("a", 7, "c", 1, "d", 7));
        assertEquals(Optional.of(14.0), value(one, "avo"));
        assertEquals(Optional.of(3.0), value(one, "anx"), "(7 + 1 + (1 + 7 - 7)) / 3 = 3");
    }

    @Test
    void tooFewAnswersAreNotScorableNeverZero() {
        // anx: 2 of 4 answered is below 0.75
        Score score = InstrumentScoring.score(instrument(false), Map.of("a", 7, "b", 5));
        assertEquals(Optional.empty(), value(score, "anx"));
        assertFalse(score.subscales().get("anx").scorable());
        assertEquals(2, score.subscales().get("anx").answered());
        assertEquals(Optional.empty(), score.type(), "no type without both subscales");
        assertEquals(Optional.empty(), value(InstrumentScoring.score(instrument(false), Map.of()), "avo"));
    }

    @Test
    void aScoreExactlyOnTheMidpointCountsAsTheFileSays() {
        // anx = (4 + 4 + 4 + (8 - 4)) / 4 = 4.0, exactly the midpoint; avo = 4 + 4 = 8, above it
        Map<String, Integer> answers = Map.of("a", 4, "b", 4, "c", 4, "d", 4);
        assertEquals(Optional.of(4.0), value(InstrumentScoring.score(instrument(false), answers), "anx"));
        assertEquals(Optional.of("Dismissing"), InstrumentScoring.score(instrument(false), answers).type(),
                "midpoint counts low: low anxiety, high avoidance");
        assertEquals(Optional.of("Fearful"), InstrumentScoring.score(instrument(true), answers).type(),
                "midpoint counts high: high, high");
    }

    @Test
    void typesFollowTheTwoSides() {
        // anx = (1 + 1 + 1 + (8 - 7)) / 4 = 1, low; avo = 1 + 1 = 2, low
        assertEquals(Optional.of("Secure"),
                InstrumentScoring.score(instrument(false), Map.of("a", 1, "b", 1, "c", 1, "d", 7)).type());
    }

    @Test
    void answersOutsideTheScaleOrForUnknownItemsAreRefused() {
        assertThrows(BusinessException.class, () -> InstrumentScoring.score(instrument(false), Map.of("a", 8)));
        assertThrows(BusinessException.class, () -> InstrumentScoring.score(instrument(false), Map.of("a", 0)));
        assertThrows(BusinessException.class, () -> InstrumentScoring.score(instrument(false), Map.of("zz", 3)));
    }

    @Test
    void theStandardErrorSaysHowFirmlyTheAnswersAgree() {
        // anx values 7, 5, 3, 6 (d reversed): mean 5.25, sample sd 1.708, se = 1.708 / 2 = 0.854
        Score spread = InstrumentScoring.score(instrument(false), Map.of("a", 7, "b", 5, "c", 3, "d", 2));
        assertEquals(0.854, spread.subscales().get("anx").standardError().orElseThrow(), 0.001);
        // all alike: no spread at all
        Score alike = InstrumentScoring.score(instrument(false), Map.of("a", 4, "b", 4, "c", 4, "d", 4));
        assertEquals(0.0, alike.subscales().get("anx").standardError().orElseThrow(), 1e-9);
        // a sum carries the error of its mean times the items: avo 7 and 5 on 2 items, se of mean 1.0, of sum 2.0
        assertEquals(2.0, spread.subscales().get("avo").standardError().orElseThrow(), 1e-9);
    }
}
