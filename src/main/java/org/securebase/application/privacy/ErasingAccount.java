package org.securebase.application.privacy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.securebase.domain.account.Account;

/**
 * An account is being erased: fired inside the erasure's transaction, after this package has removed its own rows
 * and before the account row goes. A capability with tables of its own observes it
 * ({@code void erase(@Observes ErasingAccount erasing)}) and deletes the person's rows, or points rows that must
 * stay for others at {@link #pseudonym()}, and adds its {@link #count counts} for the erasure record. The
 * erase-completeness test scans every table afterwards.
 */
public final class ErasingAccount {

    private final Account account;
    private final Supplier<Account> pseudonym;
    private final Map<String, Long> counts;

    ErasingAccount(Account account, Supplier<Account> pseudonym, Map<String, Long> counts) {
        this.account = account;
        this.pseudonym = pseudonym;
        this.counts = counts;
    }

    /** The account being erased (still in the database while observers run). */
    public Account account() {
        return account;
    }

    /** The disabled account that stands for the person in rows that stay ("Erased person #n"), made when first asked. */
    public Account pseudonym() {
        return pseudonym.get();
    }

    /** Adds to the counts kept in the erasure record under {@code kind} (a bundle key suffix: privacy.count.kind). */
    public void count(String kind, long rows) {
        counts.merge(kind, rows, Long::sum);
    }

    Map<String, Long> counts() {
        return new LinkedHashMap<>(counts);
    }
}
