package org.securebase.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * PBKDF2-HMAC-SHA256 with 600,000 iterations (OWASP's figure; the container default is 2,048), through the
 * container's own {@link Pbkdf2PasswordHash}. About 140 ms a hash on the reference machine.
 */
@ApplicationScoped
public class PasswordHasher {

    public static final int ITERATIONS = 600_000;

    @Inject
    private Pbkdf2PasswordHash hash;

    /** Verified against when the login name is unknown, so unknown names take as long as wrong passwords. */
    private String decoy;

    @PostConstruct
    void init() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = hash.generate("decoy-password".toCharArray());
    }

    public String hash(char[] password) {
        return hash.generate(password);
    }

    public boolean verify(char[] password, String storedHash) {
        return storedHash != null && hash.verify(password, storedHash);
    }

    /** Spends the same time as a real verification and always fails. */
    public boolean verifyDecoy(char[] password) {
        hash.verify(password, decoy);
        return false;
    }
}
