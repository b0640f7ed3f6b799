package org.securebase.infrastructure.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wire formats of the platforms' services: scores addresses, roster pages and their "next" links. */
class PlatformClientTest {

    @Test
    void scoresGoToTheLineItemsPathWithItsQueryKept() {
        assertEquals("https://lms.example/api/lineitems/7/scores",
                PlatformClient.scoresUrl("https://lms.example/api/lineitems/7").toString());
        assertEquals("https://lms.example/mod/lti/services.php/2/lineitems/5/lineitem/scores?type_id=3",
                PlatformClient.scoresUrl("https://lms.example/mod/lti/services.php/2/lineitems/5/lineitem?type_id=3")
                        .toString());
        assertEquals("https://lms.example:8443/li/scores",
                PlatformClient.scoresUrl("https://lms.example:8443/li/").toString());
    }

    @Test
    void aRosterPageGivesEachMemberWithRolesAndWhetherActive() throws IOException {
        var members = PlatformClient.members(Json.createReader(new StringReader("""
                {"id": "x", "members": [
                  {"user_id": "u1", "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
                   "name": "Ana Silva", "email": "ana@example.org"},
                  {"user_id": "u2", "status": "Inactive", "roles": []},
                  {"status": "Active"},
                  "not a member"
                ]}""")).readObject());
        assertEquals(3, members.size());
        assertEquals("Ana Silva", members.get(0).name());
        assertEquals(List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"), members.get(0).roles());
        assertTrue(members.get(0).active(), "no status means active");
        assertFalse(members.get(1).active());
        assertFalse(members.get(2).active(), "a member without a user id cannot be enrolled");
    }

    @Test
    void aContainerWithoutMembersIsRefusedNotReadAsEmpty() {
        assertThrows(IOException.class, () -> PlatformClient.members(Json.createReader(
                new StringReader("{\"members\": \"none\"}")).readObject()));
    }

    @Test
    void theNextPageComesFromTheLinkHeader() {
        HttpHeaders headers = HttpHeaders.of(Map.of("Link", List.of(
                "<https://lms.example/m?page=1>; rel=\"prev\", <https://lms.example/m?page=3>; rel=\"next\"")),
                (a, b) -> true);
        assertEquals("https://lms.example/m?page=3", PlatformClient.next(headers));
        assertNull(PlatformClient.next(HttpHeaders.of(Map.of("Link", List.of("<https://x/>; rel=\"prev\"")),
                (a, b) -> true)));
        assertNull(PlatformClient.next(HttpHeaders.of(Map.of(), (a, b) -> true)));
    }
}
