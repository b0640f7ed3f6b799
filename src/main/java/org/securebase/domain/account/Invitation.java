package org.securebase.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.securebase.domain.BusinessException;

/**
 * A one-time link to set a password. The token itself goes out in the link and is never stored: only its
 * SHA-256 hash, so a copy of the database cannot be used to sign in as anyone.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

    @Id
    @SequenceGenerator(name = "invitation_seq", sequenceName = "invitation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invitation_seq")
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Account account;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    /** What the link does: set a password (an invitation), or sign in once (a link for a throttled name). */
    public enum Purpose {
        PASSWORD, SIGN_IN
    }

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", nullable = false, length = 20)
    private Purpose purpose = Purpose.PASSWORD;

    protected Invitation() {
    }

    public Invitation(Account account, String tokenHash, Instant now, Instant expiresAt) {
        this(account, Purpose.PASSWORD, tokenHash, now, expiresAt);
    }

    public Invitation(Account account, Purpose purpose, String tokenHash, Instant now, Instant expiresAt) {
        this.purpose = purpose;
        this.account = account;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** Uses the invitation: refused once used or after it expires. */
    public void redeem(Instant now) {
        if (usedAt != null) {
            throw new BusinessException("invitation.used", "invitation already used");
        }
        if (!now.isBefore(expiresAt)) {
            throw new BusinessException("invitation.expired", "invitation expired at " + expiresAt);
        }
        usedAt = now;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public Account getAccount() {
        return account;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public boolean isUsed() {
        return usedAt != null;
    }
}
