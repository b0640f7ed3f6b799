import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Data and SQL counting for the review-queue benchmark in scripts/bench, straight over JDBC to the database the
 * running application uses (H2 with AUTO_SERVER):
 *   seed N         adds submitted, returned and accepted reflections by new students of the demo tutor's year 3
 *                  cohort until there are N in all (twelve modules a student, as the unique key allows);
 *   trace-on       switches H2's statement trace on and prints the trace file's current length;
 *   trace-off POS  switches it off and prints the number of SQL statements traced since POS.
 * Usage: java -cp h2.jar QueueData.java JDBC_URL USER PASSWORD MODE [ARG]
 */
public class QueueData {

    private static final long FIRST_ID = 10_000_000L;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
            switch (args[3]) {
                case "seed" -> seed(c, Integer.parseInt(args[4]));
                case "trace-on" -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("SET TRACE_LEVEL_FILE 2");
                    }
                    System.out.println(Files.exists(trace(url)) ? Files.size(trace(url)) : 0);
                }
                case "trace-off" -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("SET TRACE_LEVEL_FILE 0");
                    }
                    byte[] all = Files.readAllBytes(trace(url));
                    String since = new String(all, Integer.parseInt(args[4]), all.length - Integer.parseInt(args[4]));
                    long statements = since.lines().filter(l -> l.startsWith("/*SQL"))
                            .filter(l -> !l.contains("TRACE_LEVEL_FILE")).count();
                    System.out.println(statements);
                }
                default -> throw new IllegalArgumentException(args[3]);
            }
        }
    }

    private static Path trace(String url) {
        String file = url.substring("jdbc:h2:file:".length()).split(";")[0];
        return Path.of(file + ".trace.db");
    }

    private static void seed(Connection c, int target) throws Exception {
        c.setAutoCommit(false);
        long existing = single(c, "select count(*) from reflection");
        long cohort = single(c, "select c.id from cohort c join cohort_member m on m.cohort_id = c.id "
                + "join account a on a.id = m.account_id where a.email = 'tutor@demo.securebase.org' "
                + "and c.name like 'Year 3%'");
        long school = single(c, "select school_id from cohort where id = " + cohort);
        List<long[]> modules = new ArrayList<>();
        List<String> slugs = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select id, slug from module_version where kind = 'module' and is_current = true order by slug")) {
            while (r.next()) {
                modules.add(new long[] {r.getLong(1)});
                slugs.add(r.getString(2));
            }
        }
        long nextStudent = Math.max(FIRST_ID, single(c, "select coalesce(max(id), 0) + 1 from account"));
        long nextReflection = Math.max(FIRST_ID, single(c, "select coalesce(max(id), 0) + 1 from reflection"));
        Random random = new Random(42);
        Instant now = Instant.now();
        String[] statuses = {"SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED",
            "SUBMITTED", "SUBMITTED", "RETURNED", "ACCEPTED"};
        try (PreparedStatement account = c.prepareStatement("insert into account (id, version, email, display_name, "
                + "password_hash, role, school_id, enabled, created_at, modified_at) values (?, 0, ?, ?, null, "
                + "'STUDENT', ?, true, ?, ?)");
                PreparedStatement member = c.prepareStatement("insert into cohort_member values (?, ?)");
                PreparedStatement reflection = c.prepareStatement("insert into reflection (id, version, student_id, "
                        + "module_version_id, slug, status, created_at, modified_at, submitted_at) "
                        + "values (?, 0, ?, ?, ?, ?, ?, ?, ?)")) {
            long count = existing;
            while (count < target) {
                long student = nextStudent++;
                Timestamp created = Timestamp.from(now.minusSeconds(400L * 86400));
                account.setLong(1, student);
                account.setString(2, "bench" + student + "@bench.invalid");
                account.setString(3, "Bench Student " + student);
                account.setLong(4, school);
                account.setTimestamp(5, created);
                account.setTimestamp(6, created);
                account.addBatch();
                member.setLong(1, cohort);
                member.setLong(2, student);
                member.addBatch();
                for (int m = 0; m < modules.size() && count < target; m++, count++) {
                    Timestamp submitted = Timestamp.from(now.minusSeconds(random.nextInt(365 * 86400)));
                    reflection.setLong(1, nextReflection++);
                    reflection.setLong(2, student);
                    reflection.setLong(3, modules.get(m)[0]);
                    reflection.setString(4, slugs.get(m));
                    reflection.setString(5, statuses[random.nextInt(statuses.length)]);
                    reflection.setTimestamp(6, submitted);
                    reflection.setTimestamp(7, submitted);
                    reflection.setTimestamp(8, submitted);
                    reflection.addBatch();
                }
                if (student % 200 == 0) {
                    account.executeBatch();
                    member.executeBatch();
                    reflection.executeBatch();
                    c.commit();
                }
            }
            account.executeBatch();
            member.executeBatch();
            reflection.executeBatch();
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
                s.execute("CHECKPOINT SYNC");
            }
            System.out.println(count);
        }
    }

    private static long single(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
