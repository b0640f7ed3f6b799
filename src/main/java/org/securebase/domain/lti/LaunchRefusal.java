package org.securebase.domain.lti;

/**
 * Why an LTI message was refused: one reason per check, each with its own page text
 * ({@code lti.error.REASON}) and log line.
 */
public enum LaunchRefusal {
    PLATFORM, STATE, MALFORMED, SIGNATURE, UNKNOWN_KEY, EXPIRED, ISSUED_AT, ISSUER, AUDIENCE, NONCE, DEPLOYMENT,
    MESSAGE_TYPE, VERSION, MISSING_CLAIM, ROLE, CONFLICT
}
