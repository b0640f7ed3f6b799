package org.securebase.application.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.securebase.domain.account.Account;

/**
 * One person's copy of their data while it is assembled: JSON files (arrays of rows, nested where rows belong to
 * a parent) and CSV files, and the database tables they cover. Fired as a CDI event by
 * {@link DataExportService#export}, so that a capability with tables of its own (Balint posts, portfolio codes)
 * observes it and adds its files: {@code void export(@Observes PersonalData data)}. The export-completeness test
 * fails for any table with rows about the person that no file claims.
 */
public final class PersonalData {

    private final Account account;
    private final Map<String, List<Map<String, Object>>> json = new LinkedHashMap<>();
    private final Map<String, List<List<String>>> csv = new LinkedHashMap<>();
    private final Set<String> tables = new TreeSet<>();

    PersonalData(Account account) {
        this.account = account;
    }

    /** Whose data this is. */
    public Account account() {
        return account;
    }

    /** Adds {@code file} (a JSON array of {@code rows}), covering the rows of {@code tables} about the person. */
    public void json(String file, List<Map<String, Object>> rows, String... tables) {
        json.put(file, rows);
        this.tables.addAll(List.of(tables));
    }

    /** Adds a CSV file: the first row is the header. */
    public void csv(String file, List<List<String>> rows) {
        csv.put(file, rows);
    }

    Map<String, List<Map<String, Object>>> jsonFiles() {
        return Collections.unmodifiableMap(json);
    }

    Map<String, List<List<String>>> csvFiles() {
        return Collections.unmodifiableMap(csv);
    }

    /** The tables whose rows about the person are in the files, for the manifest. */
    public Set<String> tables() {
        return Collections.unmodifiableSet(tables);
    }
}
