package org.securebase.domain.lti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * The state and nonce of one OIDC login, between the tool's redirect to the platform and the platform's form post
 * back. Each is good for one launch, within a few minutes.
 */
@Entity
@Table(name = "lti_login_state")
public class LoginState {

    public static final Duration LIFETIME = Duration.ofMinutes(10);

    @Id
    @Column(length = 100)
    private String state;

    @Column(nullable = false, length = 100)
    private String nonce;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private LtiPlatform platform;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected LoginState() {
    }

    public LoginState(String state, String nonce, LtiPlatform platform, Instant now) {
        this.state = state;
        this.nonce = nonce;
        this.platform = platform;
        this.createdAt = now;
    }

    /** Uses the state up; false when it was used before or is too old. */
    public boolean use(Instant now) {
        if (usedAt != null || now.isAfter(createdAt.plus(LIFETIME))) {
            return false;
        }
        usedAt = now;
        return true;
    }

    public String getNonce() {
        return nonce;
    }

    public LtiPlatform getPlatform() {
        return platform;
    }
}
