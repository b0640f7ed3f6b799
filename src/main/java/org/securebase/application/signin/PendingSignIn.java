package org.securebase.application.signin;

import java.io.Serializable;
import java.time.Instant;

/**
 * A sign-in sent to the provider and not yet back: kept in the browser's session (never in the browser), found by
 * its state when the provider's answer comes, and used once.
 */
public record PendingSignIn(long providerId, String state, String nonce, String codeVerifier, Instant startedAt)
        implements Serializable {
}
