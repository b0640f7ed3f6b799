package org.securebase.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.securebase.domain.Fixtures.T0;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.domain.account.Account;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.reflection.Reflection;
import org.securebase.domain.reflection.ReflectionException;
import org.securebase.domain.reflection.ReflectionStatus;
import org.securebase.domain.reflection.ReflectionVersion;
import org.securebase.domain.review.Review;
import org.securebase.domain.review.RubricDefinition;

/** The review cycle on the entities: anchoring comments, deciding, revising, and what is refused. */
class ReviewTest {

    private static final RubricDefinition RUBRIC = new RubricDefinition("depth", "Depth", "", List.of(
            new RubricDefinition.Level("habitual", "Habitual action", ""),
            new RubricDefinition.Level("reflection", "Reflection", "")),
            List.of(new RubricDefinition.Criterion("presence", "Presence", Map.of())), List.of());

    private final ModuleDefinition definition = Fixtures.definition();
    private final Account tutor = Fixtures.student("tutor@x.org");
    private Reflection reflection;
    private ReflectionVersion version;
    private Review review;

    @BeforeEach
    void setUp() {
        reflection = new Reflection(Fixtures.student("a@x.org"), Fixtures.version(), T0);
        reflection.saveDraft(definition, "seeking", "She wanted me to stay with her.", 0, T0);
        reflection.saveDraft(definition, "next", "Ask about home.", 0, T0);
        version = reflection.submit(definition, T0);
        review = new Review(version, "depth", T0);
    }

    @Test
    void aCommentIsAnchoredOnlyToWordsThatStandThere() {
        var comment = review.comment(tutor, "seeking", 4, 10, "wanted", "Wanted, or needed?", T0);
        assertEquals(4, comment.getStartOffset());
        assertEquals("wanted", comment.getQuote());
        for (int[] bad : new int[][] {{4, 11}, {-1, 3}, {10, 4}, {0, 500}}) {
            var e = assertThrows(BusinessException.class,
                    () -> review.comment(tutor, "seeking", bad[0], bad[1], "wanted", "x", T0));
            assertEquals("review.badAnchor", e.messageKey());
        }
        assertEquals("review.commentLength", assertThrows(BusinessException.class,
                () -> review.comment(tutor, "seeking", 4, 10, "wanted", "   ", T0)).messageKey());
        assertEquals(1, review.getComments().size());
    }

    @Test
    void returningNeedsACommentAcceptingNeedsALevel() {
        assertEquals("review.commentNeeded", assertThrows(BusinessException.class, () -> review.decide(tutor,
                Review.Decision.RETURNED, RUBRIC, "habitual", Map.of(), " ", T0)).messageKey());
        assertEquals("review.levelNeeded", assertThrows(BusinessException.class, () -> review.decide(tutor,
                Review.Decision.ACCEPTED, RUBRIC, "", Map.of(), "Good", T0)).messageKey());
        assertThrows(IllegalArgumentException.class, () -> review.decide(tutor, Review.Decision.ACCEPTED, RUBRIC,
                "transcendent", Map.of(), "", T0));
        assertEquals(Optional.empty(), review.decision());
    }

    @Test
    void aReturnedReflectionIsRevisedIntoASecondVersionAndTheFirstIsKept() {
        review.comment(tutor, "next", 0, 3, "Ask", "Ask what, exactly?", T0);
        review.decide(tutor, Review.Decision.RETURNED, RUBRIC, "habitual", Map.of("presence", "habitual"),
                "Say more about what you felt.", T0);
        reflection.decide(false, T0);
        assertEquals(ReflectionStatus.RETURNED, reflection.getStatus());
        assertThrows(BusinessException.class, () -> review.comment(tutor, "next", 0, 3, "Ask", "late", T0),
                "a decided review is closed");

        reflection.saveDraft(definition, "next", "Ask about home, and about who helps her at night.", 1, T0);
        ReflectionVersion second = reflection.submit(definition, T0.plusSeconds(60));
        assertEquals(2, second.getNumber());
        assertEquals("Ask about home.", reflection.getVersions().get(0).answer("next"));
        assertEquals(ReflectionStatus.SUBMITTED, reflection.getStatus());

        reflection.decide(true, T0);
        assertEquals(ReflectionStatus.ACCEPTED, reflection.getStatus());
        assertThrows(ReflectionException.AlreadySubmitted.class,
                () -> reflection.saveDraft(definition, "next", "more", 2, T0), "accepted is closed");
        assertThrows(ReflectionException.AlreadySubmitted.class, () -> reflection.submit(definition, T0));
        assertThrows(ReflectionException.NotAwaitingReview.class, () -> reflection.decide(false, T0));
    }

    @Test
    void aDraftCannotBeDecided() {
        Reflection draft = new Reflection(Fixtures.student("b@x.org"), Fixtures.version(), T0);
        assertThrows(ReflectionException.NotAwaitingReview.class, () -> draft.decide(true, T0));
    }
}
