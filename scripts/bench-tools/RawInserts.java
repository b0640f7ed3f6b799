import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline for scripts/bench: plain JDBC inserts, one transaction each (auto-commit), into the same database
 * the application uses, from as many threads as the autosave load uses. Prints inserts per second.
 * Usage: java -cp h2.jar RawInserts.java JDBC_URL USER PASSWORD SECONDS THREADS TEXT_LENGTH
 */
public class RawInserts {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long seconds = Long.parseLong(args[3]);
        int threads = Integer.parseInt(args[4]);
        String text = "x".repeat(Integer.parseInt(args[5]));
        try (Connection c = DriverManager.getConnection(url, args[1], args[2]); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_insert (id bigint, txt varchar(100000))");
            s.execute("delete from bench_insert");
        }
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, args[1], args[2]);
                        PreparedStatement insert = c.prepareStatement("insert into bench_insert values (?, ?)")) {
                    long n = 0;
                    while (System.nanoTime() < end) {
                        insert.setLong(1, id * 1_000_000_000L + n++);
                        insert.setString(2, text);
                        insert.executeUpdate();
                        count.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        try (Connection c = DriverManager.getConnection(url, args[1], args[2]); Statement s = c.createStatement()) {
            s.execute("drop table bench_insert");
        }
        System.out.printf("%.1f%n", count.get() / (double) seconds);
    }
}
