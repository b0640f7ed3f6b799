package org.securebase.domain.reflection;

import java.time.Instant;
import java.util.List;
import org.securebase.domain.BusinessException;

/** The reasons a draft cannot be saved or a reflection cannot be submitted. */
public abstract sealed class ReflectionException extends BusinessException {

    private static final long serialVersionUID = 1L;

    ReflectionException(String key, String detail) {
        super(key, detail);
    }

    /** Someone (another tab, another browser) saved this answer since the caller last saw it. */
    public static final class Conflict extends ReflectionException {
        private static final long serialVersionUID = 1L;
        private final String currentText;
        private final long currentRevision;
        private final Instant savedAt;

        public Conflict(String currentText, long currentRevision, Instant savedAt) {
            super("reflection.conflict", "draft changed elsewhere, now at revision " + currentRevision);
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

    /** The reflection was submitted; its drafts are closed until a tutor returns it. */
    public static final class AlreadySubmitted extends ReflectionException {
        private static final long serialVersionUID = 1L;

        public AlreadySubmitted() {
            super("reflection.alreadySubmitted", "reflection already submitted");
        }
    }

    /** A decision on a reflection that is not (or no longer) waiting for one. */
    public static final class NotAwaitingReview extends ReflectionException {

        private static final long serialVersionUID = 1L;

        public NotAwaitingReview(ReflectionStatus status) {
            super("review.notAwaiting", "reflection is " + status);
        }
    }

    public static final class TooLong extends ReflectionException {
        private static final long serialVersionUID = 1L;

        public TooLong(int length) {
            super("reflection.tooLong", "text of " + length + " characters exceeds " + Reflection.TEXT_MAX);
        }
    }

    /** Some answers are shorter than their prompt asks for. */
    public static final class TooShort extends ReflectionException {
        private static final long serialVersionUID = 1L;
        private final List<String> promptIds;

        public TooShort(List<String> promptIds) {
            super("reflection.tooShort", "answers too short: " + promptIds);
            this.promptIds = List.copyOf(promptIds);
        }

        public List<String> promptIds() {
            return promptIds;
        }
    }

    public static final class UnknownPrompt extends ReflectionException {
        private static final long serialVersionUID = 1L;

        public UnknownPrompt(String promptId) {
            super("error.notFound", "no prompt " + promptId);
        }
    }
}
