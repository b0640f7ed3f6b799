package org.securebase.domain.account;

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
import java.util.Objects;

/**
 * A person as one OpenID Connect registration knows them (its subject), linked to one account of that
 * registration's school. Found by (registration, subject) on every later sign-in, so a changed e-mail address at
 * the provider still reaches the same account; the same person at another school's registration is another
 * identity, with another account.
 */
@Entity
@Table(name = "external_identity")
@NamedQuery(name = "ExternalIdentity.bySubject",
        query = "select i from ExternalIdentity i join fetch i.account where i.provider = :provider"
                + " and i.subject = :subject")
@NamedQuery(name = "ExternalIdentity.ofAccount",
        query = "select i from ExternalIdentity i where i.provider = :provider and i.account = :account")
public class ExternalIdentity {

    public static final int SUBJECT_MAX = 255;

    @Id
    @SequenceGenerator(name = "external_identity_seq", sequenceName = "external_identity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "external_identity_seq")
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private OidcProvider provider;

    @Column(nullable = false, length = SUBJECT_MAX)
    private String subject;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Account account;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_sign_in_at", nullable = false)
    private Instant lastSignInAt;

    protected ExternalIdentity() {
    }

    /** Links a subject of the registration to an account, which must be of the registration's school. */
    public ExternalIdentity(OidcProvider provider, String subject, Account account, Instant now) {
        if (account.getSchool() == null || !account.getSchool().equals(provider.getSchool())) {
            throw new IllegalArgumentException("an identity links to an account of the registration's school");
        }
        this.provider = Objects.requireNonNull(provider);
        this.subject = Objects.requireNonNull(subject);
        this.account = account;
        this.createdAt = now;
        this.lastSignInAt = now;
    }

    public void signedIn(Instant now) {
        this.lastSignInAt = now;
    }

    public Long getId() {
        return id;
    }

    public OidcProvider getProvider() {
        return provider;
    }

    public String getSubject() {
        return subject;
    }

    public Account getAccount() {
        return account;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ExternalIdentity other && id != null && id.equals(other.getId()));
    }

    @Override
    public int hashCode() {
        return ExternalIdentity.class.hashCode();
    }
}
