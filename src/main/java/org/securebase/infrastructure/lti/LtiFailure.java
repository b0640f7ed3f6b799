package org.securebase.infrastructure.lti;

import jakarta.ejb.ApplicationException;

/**
 * Why a launch was refused. Thrown without rolling back: the login state it used up stays used, so a refused
 * token cannot be replayed. Each reason has a page text ({@code lti.error.REASON}) and is logged.
 */
@ApplicationException(rollback = false)
public class LtiFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        PLATFORM, STATE, MALFORMED, SIGNATURE, UNKNOWN_KEY, EXPIRED, ISSUED_AT, ISSUER, AUDIENCE, NONCE,
        DEPLOYMENT, MESSAGE_TYPE, VERSION, MISSING_CLAIM, ROLE, CONFLICT
    }

    private final Reason reason;

    public LtiFailure(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
