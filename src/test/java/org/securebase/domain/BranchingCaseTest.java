package org.securebase.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.ModuleDefinition.Option;
import org.securebase.domain.module.ModuleDefinition.Question;
import org.securebase.domain.module.ModuleDefinition.Stage;
import org.securebase.domain.module.ModuleProgress;
import org.securebase.domain.module.Pattern;
import org.securebase.domain.module.Stance;

/** A case that branches on the trainee's response: the path it takes, and that a committed choice stands. */
class BranchingCaseTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    /** arrival -> (reassure: escalates | secure base: settles) -> later -> ending. */
    static ModuleDefinition definition() {
        Question first = new Question("What do you say?", List.of(
                new Option("It's nothing", false, "<p>f</p>", "<p>she grips the rail</p>", "escalates",
                        Stance.REASSURE, null),
                new Option("Tell me more", true, "<p>f</p>", "<p>she breathes out</p>", "settles",
                        Stance.SECURE_BASE, null)));
        Question second = new Question("And now?", List.of(new Option("Stay", true, "<p>f</p>"),
                new Option("Leave", false, "<p>f</p>")));
        return new ModuleDefinition("branching", "Branching", List.of(Pattern.HYPERACTIVATING), List.of(), "GP", 10,
                "<p>s</p>", List.of(), List.of(
                        new Stage("arrival", "Arrival", null, "<p>a</p>", first),
                        new Stage("escalates", "She escalates", null, "<p>e</p>", second, "later", false),
                        new Stage("settles", "She settles", null, "<p>s</p>", second, "later", false),
                        new Stage("later", "A week later", null, "<p>l</p>", null, null, true)),
                List.of(new ModuleDefinition.Prompt("p", "Why?", "<p>g</p>", 0)), "<p>c</p>", List.of());
    }

    private final ModuleDefinition definition = definition();
    private ModuleProgress progress;

    @BeforeEach
    void start() {
        progress = new ModuleProgress(null, Fixtures.version(), T0);
    }

    @Test
    void theResponseChoosesWhereThePatientGoes() {
        progress.answer(definition, 0, 1, T0);
        progress.advance(definition, T0);
        assertEquals(List.of(0, 2), progress.path(definition), "secure base: she settles, escalation never shown");
        progress.answer(definition, 2, 0, T0);
        progress.advance(definition, T0);
        assertEquals(List.of(0, 2, 3), progress.path(definition), "the branches rejoin");
        assertTrue(progress.isComplete(definition));
        assertFalse(progress.hasNext(definition));
    }

    @Test
    void anotherResponseAnotherPath() {
        progress.answer(definition, 0, 0, T0);
        progress.advance(definition, T0);
        assertEquals(List.of(0, 1), progress.path(definition));
        assertFalse(progress.isComplete(definition));
    }

    @Test
    void aStageOffThePathCannotBeAnsweredNorAChoiceChanged() {
        progress.answer(definition, 0, 1, T0);
        progress.advance(definition, T0);
        assertThrows(BusinessException.class, () -> progress.answer(definition, 1, 0, T0), "escalates is off the path");
        var changed = assertThrows(BusinessException.class, () -> progress.answer(definition, 0, 0, T0));
        assertEquals("module.alreadyChosen", changed.messageKey());
        assertEquals(Optional.of(1), progress.chosenOption(0));
    }

    @Test
    void theNextStageFollowsTheOptionThenTheStageThenTheFile() {
        assertEquals(Optional.of(1), definition.nextIndex(0, 0));
        assertEquals(Optional.of(2), definition.nextIndex(0, 1));
        assertEquals(Optional.of(3), definition.nextIndex(1, 1), "the stage's own next");
        assertEquals(Optional.empty(), definition.nextIndex(3, -1), "an ending");
        assertTrue(definition.branches());
        assertFalse(Fixtures.definition().branches(), "a fixed sequence");
    }
}
