package org.securebase.application.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.lti.LaunchRefusal;
import org.securebase.domain.lti.LtiPlatform;
import org.securebase.infrastructure.lti.IdTokenValidator;

/**
 * The accounts of platform users, shared by launches and roster syncs: an LTI identity (subject) belongs to one
 * registration and through it to one school. Found through that registration only, updated with the name and
 * address the platform now sends, or created; never another school's account, never a raised role.
 */
@Dependent
public class LtiAccounts {

    private static final Logger LOG = Logger.getLogger(LtiAccounts.class.getName());

    /** What a platform says of a user. */
    public record Claimed(String subject, String email, String name, String givenName, String familyName,
            Role role) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /** The registration's accounts with these subjects, by subject: one query per 1,000. */
    public Map<String, Account> known(LtiPlatform platform, List<String> subjects) {
        Map<String, Account> known = new HashMap<>();
        for (int from = 0; from < subjects.size(); from += 1000) {
            em.createNamedQuery("Account.byLtiIdentities", Account.class).setParameter("platform", platform)
                    .setParameter("subs", subjects.subList(from, Math.min(subjects.size(), from + 1000)))
                    .getResultList().forEach(a -> known.put(a.getLtiSubject(), a));
        }
        return known;
    }

    /** The account of the user a launch names. */
    public Account of(LtiPlatform platform, JWTClaimsSet claims, Role role) {
        return account(platform, new Claimed(claims.getSubject(), Claims.string(claims, "email"),
                Claims.string(claims, "name"), Claims.string(claims, "given_name"),
                Claims.string(claims, "family_name"), role), null);
    }

    /**
     * The account of a platform user, looked up in {@code known} when given (a roster page read in one go), else
     * by a query. Refused with {@link LaunchRefusal#CONFLICT} when it belongs to another school or the platform
     * claims a higher role than the school gave.
     */
    public Account account(LtiPlatform platform, Claimed user, Map<String, Account> known) {
        if (blank(user.subject())) {
            throw new LtiFailure(LaunchRefusal.MISSING_CLAIM, "sub");
        }
        String name = user.name();
        if (blank(name)) {
            name = ((user.givenName() == null ? "" : user.givenName()) + " "
                    + (user.familyName() == null ? "" : user.familyName())).strip();
        }
        Account account = known != null ? known.get(user.subject())
                : em.createNamedQuery("Account.byLtiIdentity", Account.class).setParameter("platform", platform)
                        .setParameter("sub", user.subject()).getResultStream().findFirst().orElse(null);
        Role role = user.role();
        if (account != null) {
            if (account.getSchool() == null || !account.getSchool().equals(platform.getSchool())) {
                LOG.warning(() -> "LTI identity of another school: platform " + platform.getId() + ", account "
                        + account.getId());
                throw new LtiFailure(LaunchRefusal.CONFLICT, "account of another school");
            }
            if (rank(role) > rank(account.getRole())) {
                LOG.warning(() -> "LTI launch from platform " + platform.getId() + " claims " + role + " for account "
                        + account.getId() + ", which the school made " + account.getRole());
                throw new LtiFailure(LaunchRefusal.CONFLICT, "claims " + role + " for a " + account.getRole());
            }
            account.updateFromPlatform(name, usableEmail(user.email(), account), clock.instant());
            return account;
        }
        String email = usableEmail(user.email(), null);
        if (email == null) {
            // No address, or one already taken: a unique address that cannot receive mail.
            email = user.subject().replaceAll("[^A-Za-z0-9._-]", "_") + "." + platform.getId() + "@lti.invalid";
        }
        Account created = new Account(email, blank(name) ? user.subject() : name, role, platform.getSchool(), null,
                clock.instant());
        created.linkLti(platform, user.subject());
        em.persist(created);
        if (known != null) {
            known.put(user.subject(), created);
        }
        return created;
    }

    /** Instructors and teaching assistants are tutors, administrators school administrators, others students. */
    public static Role role(List<?> roles) {
        boolean teaches = false;
        for (Object r : roles) {
            String role = String.valueOf(r);
            if (role.endsWith("membership#Instructor") || role.endsWith("membership/Instructor#TeachingAssistant")
                    || role.endsWith("membership#ContentDeveloper")) {
                teaches = true;
            }
            if (role.endsWith("institution/person#Administrator") || role.endsWith("system/person#Administrator")) {
                return Role.SCHOOL_ADMIN;
            }
        }
        return teaches ? Role.TUTOR : Role.STUDENT;
    }

    /** The role a launch's roles claim gives. */
    public static Role role(JWTClaimsSet claims) {
        Object value = claims.getClaim(IdTokenValidator.ROLES);
        return role(value instanceof List<?> list ? list : List.of());
    }

    /** The address a platform sent, if it looks like one and no other account has it; else null. */
    private String usableEmail(String given, Account self) {
        if (blank(given) || given.length() > Account.EMAIL_MAX
                || !given.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return null;
        }
        return em.createNamedQuery("Account.byEmail", Account.class)
                .setParameter("email", Account.normaliseEmail(given)).getResultStream()
                .anyMatch(other -> !other.equals(self)) ? null : given.strip();
    }

    private static int rank(Role role) {
        return switch (role) {
            case STUDENT -> 0;
            case TUTOR -> 1;
            case SCHOOL_ADMIN -> 2;
            case OPERATOR -> 3;
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
