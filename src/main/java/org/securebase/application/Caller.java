package org.securebase.application;

import java.io.Serializable;
import java.util.Objects;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;

/**
 * Who a signed-in session belongs to: the account and the role it signed in with. The web layer keeps it in the
 * session and hands it to {@link CurrentUser} on every request; nothing about the caller comes from the container.
 */
public record Caller(long accountId, Role role, Long schoolId) implements Serializable {

    public Caller {
        Objects.requireNonNull(role);
    }

    /** The caller of a signed-in account: its id, role and school (none for the operator). */
    public static Caller of(Account account) {
        return new Caller(account.getId(), account.getRole(),
                account.getSchool() == null ? null : account.getSchool().getId());
    }
}
