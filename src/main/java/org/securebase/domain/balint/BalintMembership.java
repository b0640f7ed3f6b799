package org.securebase.domain.balint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.securebase.domain.account.Account;

/**
 * A person's place in a group: invited when the group is made, a member once they accept the group's
 * confidentiality agreement, a former member once they leave (their posts stay, under their name or, if they ask,
 * as "a former member"). Only a member reads the group's sessions.
 */
@Entity
@Table(name = "balint_membership")
@NamedQuery(name = "BalintMembership.of", query = "select m from BalintMembership m "
        + "where m.group.id = :group and m.account.id = :account")
@NamedQuery(name = "BalintMembership.activeIds", query = "select m.account.id from BalintMembership m "
        + "where m.group.id = :group and m.acceptedAt is not null and m.leftAt is null")
public class BalintMembership {

    @Id
    @SequenceGenerator(name = "balint_membership_seq", sequenceName = "balint_membership_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "balint_membership_seq")
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private BalintGroup group;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Account account;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "left_at")
    private Instant leftAt;

    @Column(name = "anonymous_after_leaving", nullable = false)
    private boolean anonymousAfterLeaving;

    protected BalintMembership() {
    }

    public BalintMembership(BalintGroup group, Account account, Instant now) {
        this.group = group;
        this.account = account;
        this.createdAt = now;
    }

    /** Accepts the group's confidentiality agreement: from now on a member. */
    public void accept(Instant now) {
        if (leftAt != null) {
            throw new BalintException("balint.error.left", "left the group");
        }
        if (acceptedAt == null) {
            acceptedAt = now;
        }
    }

    /** Leaves the group: access ends at once; posts stay, under "a former member" if asked. */
    public void leave(Instant now, boolean anonymous) {
        if (leftAt == null) {
            leftAt = now;
            anonymousAfterLeaving = anonymous;
        }
    }

    public boolean isActive() {
        return acceptedAt != null && leftAt == null;
    }

    public boolean isInvited() {
        return acceptedAt == null && leftAt == null;
    }

    public BalintGroup getGroup() {
        return group;
    }

    public Account getAccount() {
        return account;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public Instant getLeftAt() {
        return leftAt;
    }

    public boolean isAnonymousAfterLeaving() {
        return anonymousAfterLeaving;
    }
}
