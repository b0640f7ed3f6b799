package org.securebase.domain;

import jakarta.ejb.ApplicationException;

/**
 * Root of every rule violation a user can cause. Unchecked and rolls the transaction back; the web and API
 * layers turn it into a clear message using {@link #messageKey()}, never into a stack trace.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;

    public BusinessException(String messageKey, String detail) {
        super(detail);
        this.messageKey = messageKey;
    }

    /** Resource-bundle key of the message shown to the user. */
    public String messageKey() {
        return messageKey;
    }
}
