package org.securebase.domain.lti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.securebase.domain.account.Role;

/**
 * A one-time ticket that carries a validated launch into a sign-in (and, for a framed launch, into a new window),
 * kept in the database so that any server can spend it. It names who signed in, not their session.
 */
@Entity
@Table(name = "lti_launch_ticket")
@NamedQuery(name = "LaunchTicket.spend", query = "delete from LaunchTicket t where t.ticketHash = :hash")
@NamedQuery(name = "LaunchTicket.purge", query = "delete from LaunchTicket t where t.expiresAt < :now")
public class LaunchTicket {

    public static final int TARGET_MAX = 2000;

    @Id
    @Column(name = "ticket_hash", length = 64)
    private String ticketHash;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(name = "school_id")
    private Long schoolId;

    @Column(length = TARGET_MAX)
    private String target;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected LaunchTicket() {
    }

    public LaunchTicket(String ticketHash, long accountId, Role role, Long schoolId, String target,
            Instant expiresAt) {
        this.ticketHash = ticketHash;
        this.accountId = accountId;
        this.role = role;
        this.schoolId = schoolId;
        this.target = target == null || target.length() <= TARGET_MAX ? target : null;
        this.expiresAt = expiresAt;
    }

    public boolean isValid(Instant now) {
        return now.isBefore(expiresAt);
    }

    public long getAccountId() {
        return accountId;
    }

    public Role getRole() {
        return role;
    }

    public Long getSchoolId() {
        return schoolId;
    }

    public String getTarget() {
        return target;
    }
}
