package org.securebase.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.securebase.domain.Fixtures.T0;

import org.junit.jupiter.api.Test;

class DeliveryTest {

    @Test
    void unreachableIsRetriedWithDoublingPausesThenGivenUp() {
        Delivery d = Delivery.dueAt(T0);
        d.answered(503, "maintenance", T0);
        assertEquals(Delivery.Status.PENDING, d.getStatus());
        assertEquals(T0.plusSeconds(5), d.getNextAttemptAt());
        d.unreachable("connection refused", T0);
        assertEquals(T0.plusSeconds(10), d.getNextAttemptAt());
        d.answered(401, "token expired", T0);
        assertEquals(T0.plusSeconds(20), d.getNextAttemptAt(), "a refused token is worth another try");
        for (int i = 3; i < Delivery.MAX_ATTEMPTS; i++) {
            d.unreachable("still down", T0);
        }
        assertEquals(Delivery.Status.FAILED, d.getStatus());
        assertEquals("still down", d.getLastError());
    }

    @Test
    void aRefusalIsFinalAndASuccessClearsTheError() {
        Delivery rejected = Delivery.dueAt(T0);
        rejected.answered(400, "Missing required value in 'statements.0.verb'", T0);
        assertEquals(Delivery.Status.REJECTED, rejected.getStatus());
        assertEquals("HTTP 400: Missing required value in 'statements.0.verb'", rejected.getLastError());

        Delivery sent = Delivery.dueAt(T0);
        sent.unreachable("timeout", T0);
        sent.answered(204, "", T0.plusSeconds(5));
        assertEquals(Delivery.Status.SENT, sent.getStatus());
        assertEquals(T0.plusSeconds(5), sent.getSentAt());
        assertEquals(null, sent.getLastError());
        assertEquals(2, sent.getAttempts());
    }

    @Test
    void aServerThatTakesTheMessageSendsItOneThatRefusesItKeepsIt() {
        Delivery taken = Delivery.dueAt(T0);
        taken.unreachable("connection refused", T0);
        taken.delivered(T0.plusSeconds(10));
        assertEquals(Delivery.Status.SENT, taken.getStatus());
        assertEquals(2, taken.getAttempts());
        Delivery refused = Delivery.dueAt(T0);
        refused.refused("550 no such user");
        assertEquals(Delivery.Status.REJECTED, refused.getStatus());
        assertEquals("550 no such user", refused.getLastError());
    }
}
