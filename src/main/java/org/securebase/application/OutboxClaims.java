package org.securebase.application;

/**
 * The port through which a sender claims one outbox row (a mail, a grade post, an xAPI statement) inside its
 * sending transaction, so that two servers on one database never send the same item: the row stays locked until
 * that transaction ends, and a second server skips it instead of waiting.
 */
public interface OutboxClaims {

    /**
     * Locks the pending row {@code id} of the outbox entity's table for the current transaction; false when it is
     * no longer pending or another transaction holds it (another server is sending it).
     */
    boolean claim(Class<?> outboxEntity, long id);
}
