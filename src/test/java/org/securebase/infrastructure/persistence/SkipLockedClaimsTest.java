package org.securebase.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The claim's SQL on the H2 that Payara Micro ships (2.2.224, the test dependency's version), on two connections
 * standing for two servers: a row one transaction has claimed is skipped, not waited for, by the other; a sent row
 * is claimed by no one. The PostgreSQL side runs in the cluster test (scripts/cluster, two servers, one database).
 */
class SkipLockedClaimsTest {

    private Connection first;
    private Connection second;

    @BeforeEach
    void open() throws SQLException {
        String url = "jdbc:h2:mem:claims" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        first = DriverManager.getConnection(url, "sa", "");
        second = DriverManager.getConnection(url, "sa", "");
        try (Statement ddl = first.createStatement()) {
            ddl.execute("create table mail_message (id bigint primary key, status varchar(20) not null)");
            for (int id = 1; id <= 100; id++) {
                ddl.execute("insert into mail_message values (" + id + ", 'PENDING')");
            }
            ddl.execute("update mail_message set status = 'SENT' where id = 100");
        }
        first.setAutoCommit(false);
        second.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        first.close();
        second.close();
    }

    @Test
    void aClaimedRowIsSkippedByTheOtherTransactionUntilItEnds() throws SQLException {
        assertTrue(SkipLockedClaims.claim(first, "mail_message", 1));
        long started = System.nanoTime();
        assertFalse(SkipLockedClaims.claim(second, "mail_message", 1), "locked by the first: skipped");
        assertTrue(System.nanoTime() - started < 2_000_000_000L, "skipped at once, not after the lock timeout");
        assertTrue(SkipLockedClaims.claim(second, "mail_message", 2), "another row is free");
        try (Statement sent = first.createStatement()) {
            sent.execute("update mail_message set status = 'SENT' where id = 1");
        }
        first.commit();
        assertFalse(SkipLockedClaims.claim(second, "mail_message", 1), "sent: nothing left to claim");
        assertFalse(SkipLockedClaims.claim(second, "mail_message", 100));
        second.rollback();
    }

    /** Two senders walking the same due list at the same time: each row is sent by exactly one of them. */
    @Test
    void twoConcurrentSendersSendEachRowExactlyOnce() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Long>> a = pool.submit(sender(first, start));
            Future<List<Long>> b = pool.submit(sender(second, start));
            List<Long> all = new ArrayList<>(a.get());
            all.addAll(b.get());
            assertEquals(99, all.size(), "99 pending rows, each sent once: " + all);
            assertEquals(99, all.stream().distinct().count());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<List<Long>> sender(Connection connection, CyclicBarrier start) {
        return () -> {
            List<Long> sent = new ArrayList<>();
            start.await();
            for (long id = 1; id <= 100; id++) {
                if (SkipLockedClaims.claim(connection, "mail_message", id)) {
                    Thread.sleep(1);
                    try (Statement update = connection.createStatement()) {
                        update.execute("update mail_message set status = 'SENT' where id = " + id);
                    }
                    sent.add(id);
                }
                connection.commit();
            }
            return sent;
        };
    }
}
