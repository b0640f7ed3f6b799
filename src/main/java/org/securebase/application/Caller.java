package org.securebase.application;

import java.io.Serializable;
import java.util.Objects;
import org.securebase.domain.account.Role;

/**
 * Who a signed-in session belongs to: the account and the role it signed in with. The web layer keeps it in the
 * session and hands it to {@link CurrentUser} on every request; nothing about the caller comes from the container.
 */
public record Caller(long accountId, Role role) implements Serializable {

    public Caller {
        Objects.requireNonNull(role);
    }
}
