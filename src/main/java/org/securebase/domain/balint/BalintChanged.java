package org.securebase.domain.balint;

import java.io.Serializable;

/**
 * Something new in a session (a post, a phase, its close) that the pages of the people in it should show. It
 * carries ids only: nothing of what anyone wrote travels with it.
 */
public record BalintChanged(long groupId, long sessionId, Kind kind) implements Serializable {

    public enum Kind {
        /** A new post. */
        POST,
        /** The leader opened the next phase. */
        PHASE,
        /** Someone now presents the case. */
        PRESENTER,
        /** The closing note: the session is read-only. */
        CLOSED
    }
}
