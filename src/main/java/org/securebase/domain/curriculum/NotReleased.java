package org.securebase.domain.curriculum;

import java.time.Instant;
import org.securebase.domain.BusinessException;

/** A step of the trainee's plan that opens later: nothing of it is shown before its release date. */
public class NotReleased extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final Instant releaseAt;

    public NotReleased(String what, Instant releaseAt) {
        super("plan.notReleased", what + " opens at " + releaseAt);
        this.releaseAt = releaseAt;
    }

    public Instant releaseAt() {
        return releaseAt;
    }
}
