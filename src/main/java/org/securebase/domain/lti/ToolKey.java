package org.securebase.domain.lti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One of the tool's RSA key pairs, as a JSON Web Key with its private part. The newest unretired key signs; every
 * unretired key is published, so that a platform holding a message signed before a rotation can still verify it.
 */
@Entity
@Table(name = "tool_key")
public class ToolKey {

    @Id
    @SequenceGenerator(name = "tool_key_seq", sequenceName = "tool_key_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tool_key_seq")
    private Long id;

    @Column(nullable = false, length = 100)
    private String kid;

    @Column(name = "private_jwk", nullable = false, length = 10000)
    private String privateJwk;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected ToolKey() {
    }

    public ToolKey(String kid, String privateJwk, Instant now) {
        this.kid = kid;
        this.privateJwk = privateJwk;
        this.createdAt = now;
    }

    public void retire(Instant now) {
        if (retiredAt == null) {
            retiredAt = now;
        }
    }

    public String getKid() {
        return kid;
    }

    public String getPrivateJwk() {
        return privateJwk;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isRetired() {
        return retiredAt != null;
    }
}
