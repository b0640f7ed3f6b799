package org.securebase.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.securebase.domain.Fixtures.T0;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.ModuleProgress;

class ModuleProgressTest {

    private final ModuleDefinition definition = Fixtures.definition();
    private final ModuleProgress progress = new ModuleProgress(Fixtures.student("a@x.org"), Fixtures.version(), T0);

    @Test
    void theFirstStageIsOpenAtTheStart() {
        assertEquals(1, progress.getStagesRevealed());
        assertFalse(progress.isComplete(definition));
    }

    @Test
    void aQuestionMustBeAnsweredBeforeTheCaseMovesOn() {
        var e = assertThrows(BusinessException.class, () -> progress.advance(definition, T0));
        assertEquals("module.answerFirst", e.messageKey());
        progress.answer(definition, 0, 0, T0);
        progress.advance(definition, T0);
        assertEquals(2, progress.getStagesRevealed());
        assertTrue(progress.isComplete(definition), "last stage has no question");
    }

    @Test
    void aCommittedChoiceStandsAndTheSameChoiceTwiceIsOne() {
        progress.answer(definition, 0, 0, T0);
        progress.answer(definition, 0, 0, T0.plusSeconds(1));
        var e = assertThrows(BusinessException.class, () -> progress.answer(definition, 0, 1, T0.plusSeconds(5)));
        assertEquals("module.alreadyChosen", e.messageKey());
        assertEquals(Optional.of(0), progress.chosenOption(0));
        assertEquals(Optional.of(T0), progress.answeredAt(0));
    }

    @Test
    void unopenedStagesAndMissingOptionsAreRefused() {
        assertThrows(BusinessException.class, () -> progress.answer(definition, 1, 0, T0));
        assertThrows(BusinessException.class, () -> progress.answer(definition, 0, 2, T0));
    }

    @Test
    void advancingPastTheLastStageChangesNothing() {
        progress.answer(definition, 0, 1, T0);
        progress.advance(definition, T0);
        progress.advance(definition, T0);
        assertEquals(2, progress.getStagesRevealed());
    }
}
