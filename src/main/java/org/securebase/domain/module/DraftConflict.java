package org.securebase.domain.module;

import java.time.Instant;
import org.securebase.domain.BusinessException;

/**
 * A save or publish made on an older revision of a draft than the stored one: someone else (or another tab) saved
 * in between. Nothing was changed; the author's text is still theirs to keep, compare or copy.
 */
public class DraftConflict extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final long storedRevision;
    private final String savedBy;
    private final transient Instant savedAt;
    private final String storedText;

    public DraftConflict(String slug, long storedRevision, String savedBy, Instant savedAt, String storedText) {
        super("studio.conflict",
                "draft " + slug + " was saved by " + savedBy + " at " + savedAt + " (revision " + storedRevision + ")");
        this.storedRevision = storedRevision;
        this.savedBy = savedBy;
        this.savedAt = savedAt;
        this.storedText = storedText;
    }

    /** The text as the other author saved it. */
    public String storedText() {
        return storedText;
    }

    public long storedRevision() {
        return storedRevision;
    }

    public String savedBy() {
        return savedBy;
    }

    public Instant savedAt() {
        return savedAt;
    }
}
