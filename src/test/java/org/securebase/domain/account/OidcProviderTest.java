package org.securebase.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.securebase.domain.school.School;

class OidcProviderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static OidcProvider provider(String rolesClaim, Role newRole) {
        OidcProvider p = new OidcProvider(new School("Northgate", NOW), NOW);
        p.configure("Northgate", "https://id.example", "securebase", "sealed", null, rolesClaim, true, newRole, false,
                NOW);
        return p;
    }

    @Test
    void aTutorValueInTheRolesClaimMakesATutorOtherwiseTheSchoolsChoice() {
        OidcProvider p = provider("roles", Role.STUDENT);
        assertEquals(Role.TUTOR, p.roleFor(List.of("offline_access", "Teacher")));
        assertEquals(Role.STUDENT, p.roleFor(List.of("offline_access", "admin")));
        assertEquals(Role.STUDENT, p.roleFor(List.of()));
    }

    @Test
    void withoutARolesClaimEveryoneGetsTheChosenRole() {
        assertEquals(Role.STUDENT, provider(null, Role.STUDENT).roleFor(List.of("tutor")));
        assertEquals(Role.TUTOR, provider(" ", Role.TUTOR).roleFor(List.of()));
    }

    @Test
    void createdAccountsAreNeverAdministratorsAndTheEmailClaimDefaults() {
        assertThrows(IllegalArgumentException.class, () -> provider("roles", Role.SCHOOL_ADMIN));
        assertThrows(IllegalArgumentException.class, () -> provider("roles", Role.OPERATOR));
        assertEquals("email", provider(null, Role.STUDENT).getEmailClaim());
    }

    @Test
    void aBlankSecretKeepsTheStoredOneAndTheFirstNeedsOne() {
        OidcProvider p = provider(null, Role.STUDENT);
        p.configure("N", "https://id.example", "c", "", "mail", null, false, Role.STUDENT, true, NOW);
        assertEquals("sealed", p.sealedSecret());
        assertEquals("mail", p.getEmailClaim());
        assertTrue(p.isPasswordSignInOff());
        OidcProvider fresh = new OidcProvider(new School("Eastbridge", NOW), NOW);
        assertThrows(IllegalArgumentException.class,
                () -> fresh.configure("E", "https://id.example", "c", null, null, null, false, Role.STUDENT, false,
                        NOW));
    }
}
