package org.securebase.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One failed sign-in, kept for an hour to throttle password guessing. Recorded by login name and source, whether or
 * not an account has that name, so the throttle says nothing about which accounts exist.
 */
@Entity
@Table(name = "login_failure")
@NamedQuery(name = "LoginFailure.since",
        query = "select f.failedAt, f.source from LoginFailure f where f.loginName = :name and f.failedAt > :since "
                + "order by f.failedAt")
@NamedQuery(name = "LoginFailure.purge", query = "delete from LoginFailure f where f.failedAt <= :before")
public class LoginFailure {

    @Id
    @SequenceGenerator(name = "login_failure_seq", sequenceName = "login_failure_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "login_failure_seq")
    private Long id;

    @Column(name = "login_name", nullable = false, length = Account.EMAIL_MAX)
    private String loginName;

    @Column(name = "failed_at", nullable = false)
    private Instant failedAt;

    /** Where the attempt came from (the client's address, as the trusted proxy reports it). */
    @Column(name = "source", length = 64)
    private String source;

    protected LoginFailure() {
    }

    public LoginFailure(String loginName, String source, Instant failedAt) {
        this.loginName = Account.normaliseEmail(loginName);
        this.source = source == null || source.length() <= 64 ? source : source.substring(0, 64);
        this.failedAt = failedAt;
    }
}
