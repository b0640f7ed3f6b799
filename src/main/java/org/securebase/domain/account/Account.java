package org.securebase.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.securebase.domain.lti.LtiPlatform;
import org.securebase.domain.school.School;

/** A person who signs in: a student, a tutor or a school administrator. The e-mail is the login name. */
@Entity
@Table(name = "account")
@NamedQuery(name = "Account.byEmail", query = "select a from Account a where a.email = :email")
@NamedQuery(name = "Account.count", query = "select count(a) from Account a")
@NamedQuery(name = "Account.byLtiIdentities",
        query = "select a from Account a where a.ltiPlatform = :platform and a.ltiSubject in :subs")
@NamedQuery(name = "Account.byLtiIdentity",
        query = "select a from Account a where a.ltiPlatform = :platform and a.ltiSubject = :sub")
public class Account {

    public static final int EMAIL_MAX = 254;
    public static final int NAME_MAX = 200;

    @Id
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, unique = true, length = EMAIL_MAX)
    private String email;

    @Column(name = "display_name", nullable = false, length = NAME_MAX)
    private String displayName;

    @Column(name = "password_hash", length = 500)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @ManyToOne(fetch = FetchType.LAZY)
    private School school;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "lti_issuer", length = 500)
    private String ltiIssuer;

    @Column(name = "lti_subject", length = 255)
    private String ltiSubject;

    /** The platform registration this account signs in through, if it came from LTI: one school's, always. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "lti_platform_id")
    private LtiPlatform ltiPlatform;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    protected Account() {
    }

    public Account(String email, String displayName, Role role, School school, String passwordHash, Instant now) {
        this.email = normaliseEmail(email);
        this.displayName = Objects.requireNonNull(displayName);
        this.role = Objects.requireNonNull(role);
        this.school = school;
        this.passwordHash = passwordHash;
        this.createdAt = now;
        this.modifiedAt = now;
    }

    /**
     * Links the account to a user of one platform registration, who then signs in by launching from it. The
     * registration must be of the account's own school.
     */
    public void linkLti(LtiPlatform platform, String subject) {
        if (school == null || !school.equals(platform.getSchool())) {
            throw new IllegalArgumentException("an LTI identity belongs to a registration of the account's school");
        }
        this.ltiPlatform = platform;
        this.ltiIssuer = platform.getIssuer();
        this.ltiSubject = subject;
    }

    /**
     * What the platform now says about the person (a launch or a roster): a name replaces the old one; an
     * address replaces the old one only when given. Blank values change nothing.
     */
    /** The languages the application speaks, as BCP 47 tags; the first is the default. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "pt-BR");

    @Column(length = 35)
    private String locale;

    public static final int ZONE_MAX = 64;

    /** The person's time zone (an IANA id such as America/Sao_Paulo), detected by the browser or chosen; null: UTC. */
    @Column(name = "time_zone", length = ZONE_MAX)
    private String timeZone;

    /** The time zone times are shown to this person in, if known. */
    public java.util.Optional<java.time.ZoneId> zone() {
        return java.util.Optional.ofNullable(timeZone).flatMap(Account::zoneOf);
    }

    /** Keeps a time zone (an IANA id); an unknown one changes nothing and answers false. */
    public boolean livesIn(String zoneId) {
        java.util.Optional<java.time.ZoneId> zone = zoneOf(zoneId);
        zone.ifPresent(z -> this.timeZone = z.getId());
        return zone.isPresent();
    }

    /** A region time zone by its IANA id (Europe/London), or empty for blank, unknown or malformed ids. */
    public static java.util.Optional<java.time.ZoneId> zoneOf(String zoneId) {
        if (zoneId == null || zoneId.isBlank() || zoneId.length() > ZONE_MAX) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(java.time.ZoneId.of(zoneId.strip()));
        } catch (java.time.DateTimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The account that stands for an erased person in what must stay for others (a tutor's reviews, the read trail
     * of a student's reflection): a pseudonym for a name, an address that cannot receive mail, no password, no
     * way to sign in.
     */
    public static Account pseudonym(String pseudonym, long number, Role role, School school, Instant now) {
        Account a = new Account("erased-" + number + "@erased.invalid", pseudonym, role, school, null, now);
        a.enabled = false;
        return a;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getLocale() {
        return locale;
    }

    public String getLtiIssuer() {
        return ltiIssuer;
    }

    public LtiPlatform getLtiPlatform() {
        return ltiPlatform;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getModifiedAt() {
        return modifiedAt;
    }

    /** Keeps the language the person chose or their platform sent; one the application does not speak is ignored. */
    public void speaks(String languageTag) {
        String tag = Account.language(languageTag);
        if (tag != null) {
            this.locale = tag;
        }
    }

    /** The language tag the application speaks that best matches the given one (pt, pt-PT, pt-br: pt-BR), or null. */
    public static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String lower = tag.strip().replace('_', '-').toLowerCase(java.util.Locale.ROOT);
        for (String known : LANGUAGES) {
            if (known.toLowerCase(java.util.Locale.ROOT).equals(lower)) {
                return known;
            }
        }
        String primary = lower.split("-")[0];
        return LANGUAGES.stream().filter(k -> k.toLowerCase(java.util.Locale.ROOT).split("-")[0].equals(primary))
                .findFirst().orElse(null);
    }

    /** The person's language, if they chose one. */
    public java.util.Optional<java.util.Locale> preferredLocale() {
        return java.util.Optional.ofNullable(locale).map(java.util.Locale::forLanguageTag);
    }

    public void updateFromPlatform(String name, String newEmail, Instant now) {
        boolean changed = false;
        if (name != null && !name.isBlank() && !name.strip().equals(displayName)) {
            displayName = name.strip().length() > NAME_MAX ? name.strip().substring(0, NAME_MAX) : name.strip();
            changed = true;
        }
        if (newEmail != null && !newEmail.isBlank() && !normaliseEmail(newEmail).equals(email)) {
            email = normaliseEmail(newEmail);
            changed = true;
        }
        if (changed) {
            modifiedAt = now;
        }
    }

    public String getLtiSubject() {
        return ltiSubject;
    }

    /** Sets the password (already hashed), as when an invitation is accepted. */
    public void changePassword(String newHash, Instant now) {
        this.passwordHash = Objects.requireNonNull(newHash);
        this.modifiedAt = now;
    }

    /** Login names are compared case-insensitively and without surrounding blanks. */
    public static String normaliseEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    /** The role guard of school administration: an administrator, of a school. */
    public boolean administersASchool() {
        return role == Role.SCHOOL_ADMIN && school != null;
    }

    /** The author right: a tutor may write their school's content once its administrator grants it. */
    @Column(nullable = false)
    private boolean author;

    /** Grants or withdraws the author right; only a tutor of a school can hold it. */
    public void grantAuthor(boolean granted) {
        if (granted && (role != Role.TUTOR || school == null)) {
            throw new IllegalArgumentException("the author right is for a school's tutors");
        }
        this.author = granted;
    }

    /** Whether this tutor holds the author right (administrators author by their role; see {@link #mayAuthor}). */
    public boolean isAuthor() {
        return author;
    }

    /** The studio's guard: a tutor with the author right, or the school's administrator; always of a school. */
    public boolean mayAuthor() {
        return school != null && (role == Role.SCHOOL_ADMIN || (role == Role.TUTOR && author));
    }

    public Role getRole() {
        return role;
    }

    public School getSchool() {
        return school;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Equal by id: the e-mail address can change (a platform sends a new one), the account stays the same. */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Account other && id != null && id.equals(other.getId()));
    }

    @Override
    public int hashCode() {
        return Account.class.hashCode();
    }
}
