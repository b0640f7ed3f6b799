package org.securebase.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.securebase.domain.Delivery;
import org.securebase.domain.xapi.XapiStatement;
import org.securebase.infrastructure.xapi.LrsClient;

/**
 * Our LRS client against a real LRS (npm xapi-statements on loopback): a sound statement is accepted; a
 * malformed one is rejected, and the queue entry keeps the statement with the LRS's reason instead of retrying it
 * forever or dropping it.
 */
class LrsClientIT {

    private static TestLrs lrs;

    @BeforeAll
    static void start() throws Exception {
        lrs = new TestLrs(18090);
    }

    @AfterAll
    static void stop() {
        lrs.close();
    }

    @Test
    void aSoundStatementIsAcceptedAndAMalformedOneIsRejectedAndKept() throws Exception {
        LrsClient client = new LrsClient("http://127.0.0.1:18090/xAPI", "test", "test");
        String sound = "{\"actor\":{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"http://localhost:8080\","
                + "\"name\":\"account-1\"}},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/launched\"},"
                + "\"object\":{\"id\":\"http://localhost:8080/modules/the-racing-heart\"}}";
        XapiStatement accepted = new XapiStatement(null, "launched", sound, Instant.now());
        LrsClient.Answer ok = client.send(sound);
        accepted.getDelivery().answered(ok.status(), ok.body(), Instant.now());
        assertEquals(200, ok.status(), ok.body());
        assertEquals(Delivery.Status.SENT, accepted.getDelivery().getStatus());

        String malformed = "{\"actor\":{\"mbox\":\"not-a-mailbox\"},\"verb\":{\"id\":\"launched\"}}";
        XapiStatement rejected = new XapiStatement(null, "launched", malformed, Instant.now());
        LrsClient.Answer no = client.send(malformed);
        rejected.getDelivery().answered(no.status(), no.body(), Instant.now());
        assertEquals(400, no.status());
        assertEquals(Delivery.Status.REJECTED, rejected.getDelivery().getStatus(), "reported, not retried for ever");
        assertTrue(rejected.getDelivery().getLastError().contains("statements.0.actor.mbox"),
                rejected.getDelivery().getLastError());
        assertEquals(malformed, rejected.getStatementJson(), "the statement itself is kept");
    }
}
