package org.securebase.domain.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.securebase.domain.school.School;

class ModuleDraftTest {

    @Test
    void aSaveOnAnOlderRevisionIsRefusedWithTheStoredTextAndChangesNothing() {
        ModuleDraft draft = new ModuleDraft(new School("Northgate", Instant.EPOCH), "x", "theirs", null, null,
                Instant.EPOCH);
        DraftConflict conflict = assertThrows(DraftConflict.class, () -> draft.save("mine", 3, null,
                Instant.EPOCH));
        assertEquals("theirs", conflict.storedText());
        assertEquals(0, conflict.storedRevision());
        assertEquals("theirs", draft.getSource());
        draft.save("mine", 0, null, Instant.EPOCH.plusSeconds(1));
        assertEquals("mine", draft.getSource());
        assertEquals(Instant.EPOCH.plusSeconds(1), draft.getUpdatedAt());
    }

    @Test
    void aFileLargerThanTheFormatAllowsIsRefused() {
        ModuleDraft draft = new ModuleDraft(new School("Northgate", Instant.EPOCH), "x", "a", null, null,
                Instant.EPOCH);
        assertThrows(IllegalArgumentException.class, () -> draft.save("a".repeat(ContentVersion.SOURCE_MAX + 1), 0,
                null, Instant.EPOCH));
    }
}
