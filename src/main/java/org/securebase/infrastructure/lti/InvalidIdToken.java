package org.securebase.infrastructure.lti;

import org.securebase.domain.lti.LaunchRefusal;

/** An id_token that failed one of the checks, with the check it failed. */
public class InvalidIdToken extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final LaunchRefusal reason;

    public InvalidIdToken(LaunchRefusal reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public LaunchRefusal reason() {
        return reason;
    }
}
