package org.securebase.application.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.infrastructure.lti.IdTokenValidator;

/** What a launch's claims mean: the role they give, the module they name, and where the person lands. */
class LtiClaimsTest {

    private static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/";

    @Test
    void instructorsTutorAdministratorsAdministerEveryoneElseLearns() {
        assertEquals(Role.TUTOR, LtiAccounts.role(List.of(LIS + "membership#Instructor")));
        assertEquals(Role.TUTOR, LtiAccounts.role(List.of(LIS + "membership/Instructor#TeachingAssistant")));
        assertEquals(Role.SCHOOL_ADMIN, LtiAccounts.role(List.of(LIS + "membership#Learner",
                LIS + "institution/person#Administrator")));
        assertEquals(Role.STUDENT, LtiAccounts.role(List.of(LIS + "membership#Learner")));
        assertEquals(Role.STUDENT, LtiAccounts.role(List.of()));
        assertEquals(Role.STUDENT, LtiAccounts.role(new JWTClaimsSet.Builder().build()), "no roles claim");
    }

    @Test
    void theModuleComesFromTheCustomParameterElseTheTargetAddress() {
        assertEquals("the-racing-heart", Claims.module(new JWTClaimsSet.Builder()
                .claim(IdTokenValidator.CUSTOM, Map.of("module", "the-racing-heart")).build()));
        assertEquals("the-quiet-patient", Claims.module(new JWTClaimsSet.Builder()
                .claim(IdTokenValidator.TARGET_LINK_URI, "https://tool/lti/launch?x=1&module=the-quiet-patient")
                .build()));
        assertEquals("older-link", Claims.module(new JWTClaimsSet.Builder()
                .claim(IdTokenValidator.TARGET_LINK_URI, "https://tool/lti/launch?m=older-link").build()));
        assertNull(Claims.module(new JWTClaimsSet.Builder()
                .claim(IdTokenValidator.CUSTOM, Map.of("module", "../../etc/passwd")).build()), "only a slug");
        assertNull(Claims.module(new JWTClaimsSet.Builder()
                .claim(IdTokenValidator.TARGET_LINK_URI, "https://tool/lti/launch?name=x").build()));
    }

    @Test
    void studentsLandInTheirModuleStaffOnTheirHomePage() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        assertEquals(Landing.module("m1"), LaunchService.landing(new Account("s@x.org", "S", Role.STUDENT, null,
                null, now), "m1"));
        assertEquals(Landing.of(Landing.Place.STUDENT_HOME), LaunchService.landing(new Account("s@x.org", "S",
                Role.STUDENT, null, null, now), null));
        assertEquals(Landing.of(Landing.Place.TUTOR_HOME), LaunchService.landing(new Account("t@x.org", "T",
                Role.TUTOR, null, null, now), "m1"));
        assertEquals(Landing.of(Landing.Place.ADMIN_HOME), LaunchService.landing(new Account("a@x.org", "A",
                Role.SCHOOL_ADMIN, null, null, now), null));
    }
}
