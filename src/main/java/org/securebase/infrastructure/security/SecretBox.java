package org.securebase.infrastructure.security;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.ParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Seals secrets the application must keep and use again (a school's OpenID Connect client secret), so that a copy
 * of the database alone does not give them away: a JWE (direct AES-256-GCM, nimbus-jose-jwt) under the key in
 * OIDC_SECRET_KEY (32 random bytes, Base64; e.g. {@code openssl rand -base64 32}). Without that key, secrets are
 * kept as written, marked {@code plain:}, with a warning in the log; once a key is set, new saves are sealed.
 */
@ApplicationScoped
public class SecretBox {

    private static final Logger LOG = Logger.getLogger(SecretBox.class.getName());
    private static final String PLAIN = "plain:";

    public String seal(String secret) {
        Optional<SecretKeySpec> key = key();
        if (key.isEmpty()) {
            LOG.warning("OIDC_SECRET_KEY is not set: a client secret is stored unsealed in the database");
            return PLAIN + secret;
        }
        try {
            JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM),
                    new Payload(secret));
            jwe.encrypt(new DirectEncrypter(key.get()));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot seal a secret: " + e.getMessage(), e);
        }
    }

    /** The secret, or an exception saying why not (sealed under another key, or no key now). */
    public String open(String sealed) {
        if (sealed.startsWith(PLAIN)) {
            return sealed.substring(PLAIN.length());
        }
        SecretKeySpec key = key().orElseThrow(
                () -> new IllegalStateException("a sealed secret, but OIDC_SECRET_KEY is not set"));
        try {
            JWEObject jwe = JWEObject.parse(sealed);
            jwe.decrypt(new DirectDecrypter(key));
            return jwe.getPayload().toString();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("cannot open a sealed secret (another OIDC_SECRET_KEY?)", e);
        }
    }

    private static Optional<SecretKeySpec> key() {
        return ConfigProvider.getConfig().getOptionalValue("oidc.secret.key", String.class).filter(s -> !s.isBlank())
                .map(s -> {
                    byte[] bytes = Base64.getDecoder().decode(s.strip());
                    if (bytes.length != 32) {
                        throw new IllegalStateException("OIDC_SECRET_KEY must be 32 bytes in Base64");
                    }
                    return new SecretKeySpec(bytes, "AES");
                });
    }
}
