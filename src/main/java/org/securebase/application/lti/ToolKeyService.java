package org.securebase.application.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.lti.ToolKey;

/**
 * The tool's RSA key pairs: generated with nimbus-jose-jwt on first use, stored, published at the JWKS address,
 * rotated on request. After a rotation the old key stays published until it is retired.
 */
@Stateless
public class ToolKeyService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private FirstToolKey first;

    /** The public halves of every key not retired, as a JSON Web Key Set. */
    public String publicJwks() {
        List<ToolKey> keys = active();
        if (keys.isEmpty()) {
            keys = List.of(first.ensure());
        }
        return new JWKSet(keys.stream().map(ToolKeyService::parse).map(RSAKey::toPublicJWK)
                .map(k -> (JWK) k).toList()).toString(true);
    }

    /** The newest key, with its private part, for signing. */
    public RSAKey signingKey() {
        List<ToolKey> keys = active();
        return parse(keys.isEmpty() ? first.ensure() : keys.get(0));
    }

    /** Signs claims with the newest key (RS256, its key id in the header). */
    public String sign(JWTClaimsSet claims) {
        RSAKey key = signingKey();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(
                    JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT)
                    .build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with key " + key.getKeyID(), e);
        }
    }

    /** A new key signs from now on; the others stay published until retired. The operator's alone. */
    public String rotate(Account operator) {
        requireOperator(operator);
        return generate().getKid();
    }

    /** Stops publishing every key but the newest. The operator's alone: the keys sign for every school. */
    public int retireOld(Account operator) {
        requireOperator(operator);
        List<ToolKey> keys = active();
        keys.stream().skip(1).forEach(k -> k.retire(clock.instant()));
        return Math.max(0, keys.size() - 1);
    }

    private static void requireOperator(Account who) {
        if (who.getRole() != Role.OPERATOR) {
            throw new NotFoundException("tool keys for " + who.getRole());
        }
    }

    public List<ToolKey> active() {
        return em.createQuery("select k from ToolKey k where k.retiredAt is null order by k.createdAt desc, k.id desc",
                ToolKey.class).getResultList();
    }

    /** A new key, now; the first one only through {@link FirstToolKey}, which makes it once. */
    public ToolKey generateNow() {
        return generate();
    }

    private ToolKey generate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString())
                    .algorithm(JWSAlgorithm.RS256).generate();
            ToolKey stored = new ToolKey(key.getKeyID(), key.toJSONString(), clock.instant());
            em.persist(stored);
            em.flush();
            return stored;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static RSAKey parse(ToolKey key) {
        try {
            return RSAKey.parse(key.getPrivateJwk());
        } catch (ParseException e) {
            throw new IllegalStateException("stored key " + key.getKid() + " is not a JWK", e);
        }
    }
}
