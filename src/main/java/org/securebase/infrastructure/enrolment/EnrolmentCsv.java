package org.securebase.infrastructure.enrolment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;

/**
 * Reads an enrolment file: a header naming the columns {@code email} and {@code name} (and optionally
 * {@code role}: student or tutor), then one person a line. Every line is checked and every problem reported with
 * its line number; the caller imports nothing unless there are none. Blank lines are skipped.
 */
public final class EnrolmentCsv {

    public static final int MAX_ROWS = 20_000;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    public record Row(long line, String email, String name, Role role) {
    }

    public record Problem(long line, String key, String detail) {
    }

    public record Result(List<Row> rows, List<Problem> problems) {
    }

    private EnrolmentCsv() {
    }

    public static Result read(Reader reader) {
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(false).setAllowMissingColumnNames(true)
                .setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = new HashMap<>();
            parser.getHeaderMap().forEach((name, index) -> header.put(name.strip().toLowerCase(Locale.ROOT)
                    .replace("\uFEFF", ""), index));
            if (!header.containsKey("email") || !header.containsKey("name")) {
                problems.add(new Problem(1, "enrol.header", String.join(",", parser.getHeaderNames())));
                return new Result(List.of(), problems);
            }
            int email = header.get("email");
            int name = header.get("name");
            Integer role = header.get("role");
            var records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    problems.add(new Problem(parser.getCurrentLineNumber(), "enrol.malformed", e.getMessage()));
                    break;
                }
                // Empty lines are records too (and skipped below), so record numbers are line numbers.
                long line = record.getRecordNumber() + 1;
                if (rows.size() + problems.size() >= MAX_ROWS) {
                    problems.add(new Problem(line, "enrol.tooMany", String.valueOf(MAX_ROWS)));
                    break;
                }
                String e = value(record, email);
                String n = value(record, name);
                String r = role == null ? "" : value(record, role).toLowerCase(Locale.ROOT);
                if (e.isEmpty() && n.isEmpty() && r.isEmpty()) {
                    continue;
                }
                String normal = Account.normaliseEmail(e);
                Role parsedRole = switch (r) {
                    case "", "student" -> Role.STUDENT;
                    case "tutor" -> Role.TUTOR;
                    default -> null;
                };
                if (!EMAIL.matcher(normal).matches() || normal.length() > Account.EMAIL_MAX) {
                    problems.add(new Problem(line, "enrol.badEmail", e));
                } else if (n.isEmpty() || n.length() > Account.NAME_MAX || CONTROL.matcher(n).find()) {
                    problems.add(new Problem(line, "enrol.badName", n));
                } else if (parsedRole == null) {
                    problems.add(new Problem(line, "enrol.badRole", r));
                } else if (seen.containsKey(normal)) {
                    problems.add(new Problem(line, "enrol.duplicate", String.valueOf(seen.get(normal))));
                } else {
                    seen.put(normal, line);
                    rows.add(new Row(line, normal, n, parsedRole));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            problems.add(new Problem(1, "enrol.malformed", e.getMessage()));
        }
        return new Result(rows, problems);
    }

    private static String value(CSVRecord record, int index) {
        return index < record.size() ? record.get(index).strip() : "";
    }
}
