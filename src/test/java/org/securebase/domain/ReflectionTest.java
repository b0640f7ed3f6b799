package org.securebase.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.securebase.domain.Fixtures.T0;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.reflection.Reflection;
import org.securebase.domain.reflection.ReflectionException;
import org.securebase.domain.reflection.ReflectionStatus;
import org.securebase.domain.reflection.ReflectionVersion;

class ReflectionTest {

    private final ModuleDefinition definition = Fixtures.definition();
    private Reflection reflection;

    @BeforeEach
    void setUp() {
        reflection = new Reflection(Fixtures.student("a@x.org"), Fixtures.version(), T0);
    }

    @Test
    void eachSaveRaisesTheRevisionTheNextSaveMustName() {
        assertEquals(1, reflection.saveDraft(definition, "seeking", "first", 0, T0).getRevision());
        assertEquals(2, reflection.saveDraft(definition, "seeking", "second", 1, T0).getRevision());
        assertEquals("second", reflection.draftText("seeking"));
    }

    @Test
    void aSaveBasedOnAnOlderRevisionIsRefusedAndNothingIsOverwritten() {
        reflection.saveDraft(definition, "seeking", "from tab one", 0, T0);
        reflection.saveDraft(definition, "seeking", "tab one again", 1, T0);
        var conflict = assertThrows(ReflectionException.Conflict.class,
                () -> reflection.saveDraft(definition, "seeking", "from tab two", 1, T0));
        assertEquals("tab one again", conflict.currentText());
        assertEquals(2, conflict.currentRevision());
        assertEquals("tab one again", reflection.draftText("seeking"));
    }

    @Test
    void aFirstSaveFromASecondTabIsAConflictToo() {
        reflection.saveDraft(definition, "seeking", "from tab one", 0, T0);
        assertThrows(ReflectionException.Conflict.class,
                () -> reflection.saveDraft(definition, "seeking", "from tab two", 0, T0));
    }

    @Test
    void promptsAreSavedIndependently() {
        reflection.saveDraft(definition, "seeking", "a", 0, T0);
        assertEquals(1, reflection.saveDraft(definition, "next", "b", 0, T0).getRevision());
    }

    @Test
    void tooLongTextAndUnknownPromptsAreRefused() {
        String huge = "x".repeat(Reflection.TEXT_MAX + 1);
        assertThrows(ReflectionException.TooLong.class, () -> reflection.saveDraft(definition, "seeking", huge, 0, T0));
        assertEquals("x".repeat(Reflection.TEXT_MAX),
                reflection.saveDraft(definition, "seeking", "x".repeat(Reflection.TEXT_MAX), 0, T0).getText());
        assertThrows(ReflectionException.UnknownPrompt.class,
                () -> reflection.saveDraft(definition, "nope", "text", 0, T0));
    }

    @Test
    void submittingNamesEveryAnswerThatIsTooShort() {
        reflection.saveDraft(definition, "seeking", "   short   ", 0, T0);
        var tooShort = assertThrows(ReflectionException.TooShort.class, () -> reflection.submit(definition, T0));
        assertEquals(List.of("seeking", "next"), tooShort.promptIds());
        assertEquals(ReflectionStatus.DRAFT, reflection.getStatus());
    }

    @Test
    void submittingFreezesTheAnswersAndASecondSubmitReturnsTheSameVersion() {
        reflection.saveDraft(definition, "seeking", "  long enough text  ", 0, T0);
        reflection.saveDraft(definition, "next", "fine.", 0, T0);
        ReflectionVersion first = reflection.submit(definition, T0);
        assertEquals(1, first.getNumber());
        assertEquals("long enough text", first.answer("seeking"));
        assertSame(first, reflection.submit(definition, T0.plusSeconds(1)));
        assertEquals(1, reflection.getVersions().size());
        assertEquals(ReflectionStatus.SUBMITTED, reflection.getStatus());
    }

    @Test
    void aSubmittedReflectionTakesNoMoreDrafts() {
        reflection.saveDraft(definition, "seeking", "long enough text", 0, T0);
        reflection.saveDraft(definition, "next", "fine.", 0, T0);
        reflection.submit(definition, T0);
        assertThrows(ReflectionException.AlreadySubmitted.class,
                () -> reflection.saveDraft(definition, "seeking", "edited after", 1, T0));
        assertEquals("long enough text", reflection.latestVersion().orElseThrow().answer("seeking"));
    }
}
