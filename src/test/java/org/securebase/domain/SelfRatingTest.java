package org.securebase.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.securebase.domain.Fixtures.T0;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.instrument.SelfRating;

class SelfRatingTest {

    private static final InstrumentDefinition INSTRUMENT = new InstrumentDefinition("c", "C",
            InstrumentDefinition.Kind.ORIGINAL, "", null, new InstrumentDefinition.Scale(1, 7, Map.of(1, "a", 7, "b")),
            List.of(new InstrumentDefinition.Item("x", "X", false), new InstrumentDefinition.Item("y", "Y", true)),
            List.of(new InstrumentDefinition.Subscale("all", "All", List.of("x", "y"),
                    InstrumentDefinition.ScoreRule.MEAN, 0.5, null, null)),
            null, List.of(), false);

    private final SelfRating rating = new SelfRating(Fixtures.student("a@x.org"), Fixtures.version(), "year",
            "start", SelfRating.Perspective.NOW, T0);

    @Test
    void partialAnswersAreSavedAndScored() {
        rating.record(INSTRUMENT, Map.of("x", 5), T0);
        assertEquals(Map.of("x", 5), rating.getAnswers());
        assertEquals(Optional.of(5.0), rating.score(INSTRUMENT).subscales().get("all").value(), "1 of 2 meets 0.5");
    }

    @Test
    void aSubmittedRatingNeverChangesAndASecondSubmitIsTheSameSubmission() {
        rating.record(INSTRUMENT, Map.of("x", 5, "y", 2), T0);
        rating.submit(T0.plusSeconds(10));
        rating.submit(T0.plusSeconds(20));
        assertEquals(T0.plusSeconds(10), rating.getSubmittedAt());
        var e = assertThrows(BusinessException.class, () -> rating.record(INSTRUMENT, Map.of("x", 1), T0));
        assertEquals("rating.alreadySubmitted", e.messageKey());
        assertEquals(Map.of("x", 5, "y", 2), rating.getAnswers());
        assertTrue(rating.isSubmitted());
    }

    @Test
    void answersOffTheScaleAreRefusedAndTheSavedOnesKept() {
        rating.record(INSTRUMENT, Map.of("x", 3), T0);
        assertThrows(BusinessException.class, () -> rating.record(INSTRUMENT, Map.of("x", 8), T0));
        assertEquals(Map.of("x", 3), rating.getAnswers());
    }
}
