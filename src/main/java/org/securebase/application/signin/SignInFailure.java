package org.securebase.application.signin;

import jakarta.ejb.ApplicationException;
import org.securebase.domain.account.SignInRefusal;

/** A sign-in through a school's identity provider refused, with the reason the page names (the detail is logged). */
@ApplicationException(rollback = true)
public class SignInFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SignInRefusal reason;

    public SignInFailure(SignInRefusal reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public SignInRefusal reason() {
        return reason;
    }
}
