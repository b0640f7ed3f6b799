package org.securebase.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.securebase.application.OutboxClaims;
import org.securebase.domain.lti.GradePost;
import org.securebase.domain.mail.MailMessage;
import org.securebase.domain.xapi.XapiStatement;

/**
 * Claims with {@code SELECT ... FOR UPDATE SKIP LOCKED}, which PostgreSQL and H2 (since 2.2.220) both accept in the
 * same words: a row another transaction has locked is left out at once rather than waited for. The statement runs
 * on the persistence context's own connection (EclipseLink's {@code unwrap(Connection.class)} begins the
 * transaction on it), so the lock is held by the transaction that then reads, sends and updates the row.
 */
@ApplicationScoped
public class SkipLockedClaims implements OutboxClaims {

    private static final Map<Class<?>, String> TABLES = Map.of(MailMessage.class, "mail_message", GradePost.class,
            "grade_post", XapiStatement.class, "xapi_statement");

    @PersistenceContext
    private EntityManager em;

    @Override
    public boolean claim(Class<?> outboxEntity, long id) {
        String table = TABLES.get(outboxEntity);
        if (table == null) {
            throw new IllegalArgumentException("not an outbox: " + outboxEntity.getName());
        }
        try {
            return claim(em.unwrap(Connection.class), table, id);
        } catch (SQLException e) {
            throw new IllegalStateException("claiming " + table + " " + id, e);
        }
    }

    /** The claim itself, on a connection inside a transaction (also what the unit test runs on two connections). */
    static boolean claim(Connection connection, String table, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select id from " + table + " where id = ? and status = 'PENDING' for update skip locked")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }
}
