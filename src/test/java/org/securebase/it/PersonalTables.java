package org.securebase.it;

import java.math.BigDecimal;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which rows of the database are about a person, found from the database's own description of itself (JDBC
 * metadata), never from a list of tables: a table added later is searched without anyone remembering to. A row is
 * about the person if
 * <ul>
 * <li>a column refers to their account: a foreign key to {@code account}, or a column named like one
 * ({@code account_id}, {@code *_account_id}, {@code author_id}, {@code reader_id}, {@code student_id},
 * {@code tutor_id}, {@code recipient_id}, {@code member_id}, {@code owner_id}, {@code user_id}, ...);</li>
 * <li>or a foreign key leads to a row that is about them (a version of their reflection, a score of a review of
 * it), at any depth;</li>
 * <li>or a text column holds their e-mail address as its whole value (a failed sign-in, a mail to them), or their
 * pseudonymous xAPI actor ({@code "account-<id>"});</li>
 * <li>and, for the erasure scan only ({@link #mentioning}), a text column mentions their e-mail address or name
 * anywhere in its text.</li>
 * </ul>
 * Connects with the same JDBC URL as the server under test (H2 in its AUTO_SERVER mode, or PostgreSQL).
 */
final class PersonalTables {

    /** Tables that hold nothing about people, left out of every scan (each with its reason). */
    static final Map<String, String> NOT_PERSONAL = Map.of(
            "flyway_schema_history", "the migrations that ran: scripts and checksums, no rows about anyone",
            "tool_key", "the installation's LTI signing keys",
            "module_version", "the content catalogue: modules and instruments as written by authors");

    /**
     * Account columns that make their own row about the person, but not the rows below it: the leader of a Balint
     * group and the presenter of a session are named on those rows, while the posts of the group's members belong
     * to their authors. Each with its reason.
     */
    static final Map<String, String> NOT_INHERITED = Map.of(
            "balint_group.leader_id", "the group's sessions and posts are its members', not the leader's",
            "balint_session.presenter_id", "the session's posts are their authors', not the presenter's");

    private static final Pattern ACCOUNT_COLUMN = Pattern.compile(
            "(.+_)?account_id|(.+_)?(author|reader|student|tutor|recipient|member|owner|user|creator|presenter"
                    + "|moderator|trainee|erased_by|decided_by|issued_to|holder)_id");

    private final Connection db;
    private final String schema;
    private final List<String> tables = new ArrayList<>();
    private final Map<String, List<String[]>> columns = new LinkedHashMap<>();
    /** Foreign keys by table: {column, parent table, parent column}. */
    private final Map<String, List<String[]>> foreignKeys = new LinkedHashMap<>();

    private PersonalTables(Connection db) throws SQLException {
        this.db = db;
        this.schema = db.getSchema();
        DatabaseMetaData md = db.getMetaData();
        try (ResultSet rs = md.getTables(null, schema, "%", null)) {
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE");
                if ("TABLE".equals(type) || "BASE TABLE".equals(type)) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        tables.removeAll(NOT_PERSONAL.keySet());
        for (String table : tables) {
            List<String[]> cols = new ArrayList<>();
            try (ResultSet rs = md.getColumns(null, schema, name(md, table), "%")) {
                while (rs.next()) {
                    cols.add(new String[] {rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                        String.valueOf(rs.getInt("DATA_TYPE"))});
                }
            }
            columns.put(table, cols);
            List<String[]> fks = new ArrayList<>();
            try (ResultSet rs = md.getImportedKeys(null, schema, name(md, table))) {
                while (rs.next()) {
                    fks.add(new String[] {rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
                        rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT),
                        rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT)});
                }
            }
            foreignKeys.put(table, fks);
        }
    }

    private static String name(DatabaseMetaData md, String table) throws SQLException {
        return md.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
    }

    static PersonalTables of(Connection db) throws SQLException {
        return new PersonalTables(db);
    }

    List<String> tables() {
        return tables;
    }

    /** Columns that refer to an account: foreign keys to it, and columns named like such a reference. */
    Set<String> accountColumns(String table) {
        Set<String> found = new LinkedHashSet<>();
        for (String[] fk : foreignKeys.get(table)) {
            if (fk[1].equals("account")) {
                found.add(fk[0]);
            }
        }
        for (String[] c : columns.get(table)) {
            if (ACCOUNT_COLUMN.matcher(c[0]).matches() && isNumber(Integer.parseInt(c[1]))) {
                found.add(c[0]);
            }
        }
        if (table.equals("account")) {
            found.add("id");
        }
        return found;
    }

    private static boolean isNumber(int type) {
        return type == Types.BIGINT || type == Types.INTEGER || type == Types.NUMERIC || type == Types.DECIMAL;
    }

    private static boolean isText(int type) {
        return type == Types.VARCHAR || type == Types.CLOB || type == Types.LONGVARCHAR || type == Types.CHAR
                || type == Types.NVARCHAR;
    }

    List<String> textColumns(String table) {
        return columns.get(table).stream().filter(c -> isText(Integer.parseInt(c[1]))).map(c -> c[0]).toList();
    }

    /** The SQL condition for "this row of {@code table} is about the person", following foreign keys. */
    private String about(String table, long id, String email, Set<String> visiting) {
        List<String> or = new ArrayList<>();
        for (String column : accountColumns(table)) {
            if (visiting.isEmpty() || !NOT_INHERITED.containsKey(table + "." + column)) {
                or.add(table + "." + column + " = " + id);
            }
        }
        if (visiting.add(table)) {
            for (String[] fk : foreignKeys.get(table)) {
                if (!fk[1].equals("account") && columns.containsKey(fk[1]) && !visiting.contains(fk[1])) {
                    String parent = about(fk[1], id, email, new HashSet<>(visiting));
                    if (!parent.equals("1 = 0")) {
                        or.add(table + "." + fk[0] + " in (select " + fk[1] + "." + fk[2] + " from " + fk[1]
                                + " where " + parent + ")");
                    }
                }
            }
        }
        for (String column : textColumns(table)) {
            or.add("lower(" + table + "." + column + ") = '" + email.toLowerCase(Locale.ROOT) + "'");
            or.add(table + "." + column + " like '%\"account-" + id + "\"%'");
        }
        return or.isEmpty() ? "1 = 0" : String.join(" or ", or);
    }

    /** Every row about the person, by table (tables without any are left out). */
    Map<String, List<Map<String, Object>>> rowsAbout(long id, String email) throws SQLException {
        Map<String, List<Map<String, Object>>> found = new TreeMap<>();
        for (String table : tables) {
            List<Map<String, Object>> rows = select("select * from " + table + " where "
                    + about(table, id, email, new HashSet<>()));
            if (!rows.isEmpty()) {
                found.put(table, rows);
            }
        }
        return found;
    }

    /**
     * Every row that still refers to the person, or mentions their address or name (case-insensitive) in any text
     * column: what an erasure must leave at zero.
     */
    Map<String, List<Map<String, Object>>> mentioning(long id, String email, String name) throws SQLException {
        Map<String, List<Map<String, Object>>> found = rowsAbout(id, email);
        for (String table : tables) {
            List<String> or = new ArrayList<>();
            for (String column : textColumns(table)) {
                or.add("lower(" + column + ") like '%" + email.toLowerCase(Locale.ROOT) + "%'");
                or.add("lower(" + column + ") like '%" + name.toLowerCase(Locale.ROOT) + "%'");
            }
            if (!or.isEmpty()) {
                List<Map<String, Object>> rows = select("select * from " + table + " where " + String.join(" or ", or));
                if (!rows.isEmpty()) {
                    found.computeIfAbsent(table, t -> new ArrayList<>()).addAll(rows);
                }
            }
        }
        return found;
    }

    List<Map<String, Object>> select(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), v instanceof Clob c
                            ? c.getSubString(1, (int) c.length()) : v);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** A value as the export writes it: text as is, numbers without trailing zeros, times as ISO instants. */
    static String normal(Object v) {
        if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }
}
