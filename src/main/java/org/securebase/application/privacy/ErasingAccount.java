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
 * erase-completeness test scans every table afterwards. The same event is fired first as a {@link #isPreview
 * preview}, for the confirmation page: observers then only {@link #count} what would go or stay, and change nothing.
 */
public final class ErasingAccount {

    private final Account account;
    private final String pseudonymName;
    private final Supplier<Account> pseudonym;
    private final Map<String, Long> counts;
    private final boolean preview;

    ErasingAccount(Account account, String pseudonymName, Supplier<Account> pseudonym, Map<String, Long> counts) {
        this(account, pseudonymName, pseudonym, counts, false);
    }

    private ErasingAccount(Account account, String pseudonymName, Supplier<Account> pseudonym,
            Map<String, Long> counts, boolean preview) {
        this.account = account;
        this.pseudonymName = pseudonymName;
        this.pseudonym = pseudonym;
        this.counts = counts;
        this.preview = preview;
    }

    /** The confirmation page's question "what would go?": observers count and return. */
    static ErasingAccount preview(Account account, Map<String, Long> counts) {
        return new ErasingAccount(account, null, () -> {
            throw new IllegalStateException("a preview erases nothing");
        }, counts, true);
    }

    /** True while the confirmation page asks what would go: count, change nothing. */
    public boolean isPreview() {
        return preview;
    }

    /** The account being erased (still in the database while observers run). */
    public Account account() {
        return account;
    }

    /** "Erased person #n": what replaces the person's name and address in others' free text. */
    public String pseudonymName() {
        return pseudonymName;
    }

    /** The disabled account that stands for the person in rows that stay ("Erased person #n"), made when first asked. */
    public Account pseudonym() {
        return pseudonym.get();
    }

    /**
     * Adds to the counts kept in the erasure record under {@code kind} (a bundle key suffix: privacy.count.kind);
     * a kind ending in {@code Kept} counts rows that stay for others under the pseudonym.
     */
    public void count(String kind, long rows) {
        counts.merge(kind, rows, Long::sum);
    }

    Map<String, Long> counts() {
        return new LinkedHashMap<>(counts);
    }
}
