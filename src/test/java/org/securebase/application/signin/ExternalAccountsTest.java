package org.securebase.application.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalAccountsTest {

    @Test
    void aClaimIsFoundByNameOrByADottedPathIntoObjects() {
        Map<String, Object> claims = Map.of("email", "a@b.example", "realm_access",
                Map.of("roles", List.of("tutor")), "odd.name", "as given");
        assertEquals("a@b.example", ExternalAccounts.claim(claims, "email"));
        assertEquals(List.of("tutor"), ExternalAccounts.claim(claims, "realm_access.roles"));
        assertEquals("as given", ExternalAccounts.claim(claims, "odd.name"));
        assertNull(ExternalAccounts.claim(claims, "realm_access.groups"));
        assertNull(ExternalAccounts.claim(claims, "email.domain"));
    }
}
