package org.securebase.domain.balint;

import java.time.Instant;
import org.securebase.domain.BusinessException;

/** What the rules of a Balint group refuse, each with the message a person is shown. */
public class BalintException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public BalintException(String messageKey, String detail) {
        super(messageKey, detail);
    }

    /** Not this person's turn to write in this phase (the presenter while the group works, for one). */
    public static final class NotYourTurn extends BalintException {
        private static final long serialVersionUID = 1L;

        public NotYourTurn(Phase phase, Phase.Seat seat) {
            super("balint.error.notYourTurn", seat + " may not post in " + phase);
        }
    }

    /** The session is closed: read-only. */
    public static final class Closed extends BalintException {
        private static final long serialVersionUID = 1L;

        public Closed() {
            super("balint.error.closed", "the session is closed");
        }
    }

    /** The session has not opened yet. */
    public static final class NotOpen extends BalintException {
        private static final long serialVersionUID = 1L;

        public NotOpen() {
            super("balint.error.notOpen", "the session has not opened yet");
        }
    }

    /** Another tab or browser saved the draft in between. */
    public static final class Conflict extends BalintException {
        private static final long serialVersionUID = 1L;
        private final String currentText;
        private final long currentRevision;
        private final Instant savedAt;

        public Conflict(String currentText, long currentRevision, Instant savedAt) {
            super("balint.error.conflict", "draft changed elsewhere");
            this.currentText = currentText;
            this.currentRevision = currentRevision;
            this.savedAt = savedAt;
        }

        public String currentText() {
            return currentText;
        }

        public long currentRevision() {
            return currentRevision;
        }

        public Instant savedAt() {
            return savedAt;
        }
    }

    static BalintException empty() {
        return new BalintException("balint.error.empty", "nothing written");
    }

    static BalintException tooLong(int max) {
        return new BalintException("balint.error.tooLong", "longer than " + max);
    }

    static BalintException onlyLeader() {
        return new BalintException("balint.error.onlyLeader", "only the leader may do this");
    }
}
