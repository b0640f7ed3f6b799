package org.securebase.application.lti;

import jakarta.ejb.ApplicationException;
import org.securebase.domain.lti.LaunchRefusal;

/**
 * Why a launch was refused. Thrown without rolling back: the login state it used up stays used, so a refused
 * token cannot be replayed. Each reason has a page text ({@code lti.error.REASON}) and is logged.
 */
@ApplicationException(rollback = false)
public class LtiFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final LaunchRefusal reason;

    public LtiFailure(LaunchRefusal reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public LaunchRefusal reason() {
        return reason;
    }
}
