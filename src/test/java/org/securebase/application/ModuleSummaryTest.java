package org.securebase.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The curriculum list names a module's pattern only after the student has submitted a reflection on it. */
class ModuleSummaryTest {

    private static ModuleSummary with(ModuleStatus status) {
        return new ModuleSummary("a-case", "A case", List.of("hyperactivating", "secure"), "General practice", 30,
                "<p>Summary</p>", 4, status);
    }

    @Test
    void beforeSubmittingNoPatternIsShown() {
        assertEquals(List.of(), with(ModuleStatus.NOT_STARTED).patternsShown());
        assertEquals(List.of(), with(ModuleStatus.IN_PROGRESS).patternsShown());
    }

    @Test
    void onceSubmittedThePatternsAreShownAndStaySo() {
        for (ModuleStatus status : List.of(ModuleStatus.SUBMITTED, ModuleStatus.RETURNED, ModuleStatus.ACCEPTED)) {
            assertEquals(List.of("hyperactivating", "secure"), with(status).patternsShown(), status.name());
        }
    }
}
