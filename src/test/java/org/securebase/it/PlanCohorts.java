package org.securebase.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Cohorts of their own for the plan tests, written straight into the database: the suite shares one deployment
 * and one database, so a plan given to the demo cohort would change every other test's curriculum.
 */
final class PlanCohorts {

    private PlanCohorts() {
    }

    /**
     * Creates (once) a cohort of the demo school with the given id and name, new students {@code id + 1, id + 2, ...}
     * signing in as {@code prefix-1@demo.securebase.org} etc. with the demo password, and the given staff as members.
     * Returns the students' addresses.
     */
    static List<String> create(long id, String name, String prefix, int students, String... staff)
            throws SQLException {
        List<String> emails = java.util.stream.IntStream.rangeClosed(1, students)
                .mapToObj(i -> prefix + "-" + i + "@demo.securebase.org").toList();
        try (Connection db = PersonalTables.connect()) {
            try (PreparedStatement find = db.prepareStatement("select count(*) from cohort where id = ?")) {
                find.setLong(1, id);
                try (ResultSet rs = find.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return emails;
                    }
                }
            }
            try (PreparedStatement insert = db.prepareStatement("insert into cohort (id, version, school_id, name, "
                    + "created_at) select ?, 0, school_id, ?, current_timestamp from account where email = ?")) {
                insert.setLong(1, id);
                insert.setString(2, name);
                insert.setString(3, StudioIT.ADMIN);
                execute(insert);
            }
            for (int i = 0; i < emails.size(); i++) {
                try (PreparedStatement insert = db.prepareStatement("insert into account (id, version, email, "
                        + "display_name, password_hash, role, school_id, enabled, created_at, modified_at, author) "
                        + "select ?, 0, ?, ?, a.password_hash, 'STUDENT', a.school_id, true, a.created_at, "
                        + "a.modified_at, false from account a where a.email = ?")) {
                    insert.setLong(1, id + 1 + i);
                    insert.setString(2, emails.get(i));
                    insert.setString(3, "Plan Student " + (char) ('A' + i) + " " + prefix);
                    insert.setString(4, StudioIT.STUDENT);
                    execute(insert);
                }
                member(db, id, "select id from account where email = '" + emails.get(i) + "'");
            }
            for (String email : staff) {
                member(db, id, "select id from account where email = '" + email + "'");
            }
        }
        return emails;
    }

    /** Creates (once) a programme of the demo school with the given id and name, and places the cohorts in it. */
    static void programme(long id, String name, long... cohorts) throws SQLException {
        try (Connection db = PersonalTables.connect()) {
            try (PreparedStatement insert = db.prepareStatement("insert into programme (id, version, school_id, "
                    + "name, created_at) select ?, 0, school_id, ?, current_timestamp from account where email = ? "
                    + "and not exists (select 1 from programme where id = ?)")) {
                insert.setLong(1, id);
                insert.setString(2, name);
                insert.setString(3, StudioIT.ADMIN);
                insert.setLong(4, id);
                insert.executeUpdate();
            }
            for (long cohort : cohorts) {
                try (PreparedStatement place = db.prepareStatement("update cohort set programme_id = ? where id = ?")) {
                    place.setLong(1, id);
                    place.setLong(2, cohort);
                    execute(place);
                }
            }
        }
    }

    private static void member(Connection db, long cohort, String account) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into cohort_member (cohort_id, account_id) "
                + "select ?, id from (" + account + ") a")) {
            insert.setLong(1, cohort);
            execute(insert);
        }
    }

    private static void execute(PreparedStatement statement) throws SQLException {
        if (statement.executeUpdate() != 1) {
            throw new SQLException("expected one row: " + statement);
        }
    }

    /** How many rows a query counts, with one string parameter. */
    static long count(String sql, String parameter) throws SQLException {
        try (Connection db = PersonalTables.connect(); PreparedStatement q = db.prepareStatement(sql)) {
            q.setString(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
