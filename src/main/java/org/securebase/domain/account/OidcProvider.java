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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.securebase.domain.school.School;

/**
 * A school's OpenID Connect provider (its university's Entra ID, Google Workspace, Keycloak, or a broker in front of
 * a SAML federation): one per school. Its people sign in there; the identities it vouches for are this
 * registration's only ({@link ExternalIdentity}). The client secret is kept sealed; the rules on who may be let in
 * (verified e-mail, creating accounts, the role given) are here.
 */
@Entity
@Table(name = "oidc_provider")
@NamedQuery(name = "OidcProvider.ofSchool", query = "select p from OidcProvider p where p.school = :school")
@NamedQuery(name = "OidcProvider.all",
        query = "select p from OidcProvider p join fetch p.school order by p.displayName, p.id")
@NamedQuery(name = "OidcProvider.passwordOff",
        query = "select count(p) from OidcProvider p where p.school = :school and p.passwordSignInOff = true")
public class OidcProvider {

    public static final int NAME_MAX = 200;
    public static final int URL_MAX = 500;
    public static final int CLIENT_ID_MAX = 255;
    public static final int CLAIM_MAX = 100;
    public static final String DEFAULT_EMAIL_CLAIM = "email";

    @Id
    @SequenceGenerator(name = "oidc_provider_seq", sequenceName = "oidc_provider_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "oidc_provider_seq")
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private School school;

    @Column(name = "display_name", nullable = false, length = NAME_MAX)
    private String displayName;

    @Column(nullable = false, length = URL_MAX)
    private String issuer;

    @Column(name = "client_id", nullable = false, length = CLIENT_ID_MAX)
    private String clientId;

    /** Sealed with the installation's key (see infrastructure.security.SecretBox); never shown back. */
    @Column(name = "client_secret", nullable = false, length = 4000)
    private String sealedSecret;

    @Column(name = "email_claim", nullable = false, length = CLAIM_MAX)
    private String emailClaim = DEFAULT_EMAIL_CLAIM;

    /** The claim whose values say "tutor", if the provider sends roles; null: everyone gets {@link #newRole}. */
    @Column(name = "roles_claim", length = CLAIM_MAX)
    private String rolesClaim;

    @Column(name = "create_accounts", nullable = false)
    private boolean createAccounts;

    @Enumerated(EnumType.STRING)
    @Column(name = "new_role", nullable = false, length = 20)
    private Role newRole = Role.STUDENT;

    @Column(name = "password_sign_in_off", nullable = false)
    private boolean passwordSignInOff;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    protected OidcProvider() {
    }

    public OidcProvider(School school, Instant now) {
        this.school = Objects.requireNonNull(school);
        this.createdAt = now;
        this.modifiedAt = now;
    }

    /**
     * Sets what the administrator entered. A blank sealed secret keeps the one stored (it is never shown, so it is
     * never sent back). Accounts created on first sign-in are students or tutors, never administrators.
     */
    public void configure(String displayName, String issuer, String clientId, String sealedSecret, String emailClaim,
            String rolesClaim, boolean createAccounts, Role newRole, boolean passwordSignInOff, Instant now) {
        if (newRole != Role.STUDENT && newRole != Role.TUTOR) {
            throw new IllegalArgumentException("accounts made on first sign-in are students or tutors");
        }
        this.displayName = displayName;
        this.issuer = issuer;
        this.clientId = clientId;
        if (sealedSecret != null && !sealedSecret.isBlank()) {
            this.sealedSecret = sealedSecret;
        }
        if (this.sealedSecret == null) {
            throw new IllegalArgumentException("a client secret is needed");
        }
        this.emailClaim = emailClaim == null || emailClaim.isBlank() ? DEFAULT_EMAIL_CLAIM : emailClaim.strip();
        this.rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? null : rolesClaim.strip();
        this.createAccounts = createAccounts;
        this.newRole = newRole;
        this.passwordSignInOff = passwordSignInOff;
        this.modifiedAt = now;
    }

    /**
     * The role of an account made on first sign-in: a tutor when the roles claim names one ("tutor", "teacher" or
     * "instructor", in any case), else the role the school chose.
     */
    public Role roleFor(Iterable<String> claimedRoles) {
        if (rolesClaim != null && claimedRoles != null) {
            for (String r : claimedRoles) {
                String role = r == null ? "" : r.strip().toLowerCase(java.util.Locale.ROOT);
                if (role.equals("tutor") || role.equals("teacher") || role.equals("instructor")) {
                    return Role.TUTOR;
                }
            }
        }
        return newRole;
    }

    public boolean hasSecret() {
        return sealedSecret != null;
    }

    public Long getId() {
        return id;
    }

    public School getSchool() {
        return school;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public String sealedSecret() {
        return sealedSecret;
    }

    public String getEmailClaim() {
        return emailClaim;
    }

    public Optional<String> rolesClaim() {
        return Optional.ofNullable(rolesClaim);
    }

    public String getRolesClaim() {
        return rolesClaim;
    }

    public boolean isCreateAccounts() {
        return createAccounts;
    }

    public Role getNewRole() {
        return newRole;
    }

    public boolean isPasswordSignInOff() {
        return passwordSignInOff;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof OidcProvider other && id != null && id.equals(other.getId()));
    }

    @Override
    public int hashCode() {
        return OidcProvider.class.hashCode();
    }
}
