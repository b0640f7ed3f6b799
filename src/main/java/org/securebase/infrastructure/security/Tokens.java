package org.securebase.infrastructure.security;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable tokens for links and one-time tickets: random bytes, URL-safe Base64 without padding. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
