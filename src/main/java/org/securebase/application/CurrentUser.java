package org.securebase.application;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.securebase.domain.BusinessException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;

/**
 * The signed-in account of this request. The web layer establishes the {@link Caller} from the session at the start
 * of every request (see {@code web.security.AccessFilter}); the account is looked up once, by id, when first asked.
 * A disabled account counts as nobody.
 */
@RequestScoped
public class CurrentUser {

    @PersistenceContext
    private EntityManager em;

    private Caller caller;
    private Account account;
    private boolean resolved;

    /** Called once per request, before any page or resource runs. */
    public void establish(Caller caller) {
        this.caller = caller;
        this.account = null;
        this.resolved = false;
    }

    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    public boolean hasRole(Role role) {
        return caller != null && caller.role() == role;
    }

    public Optional<Account> account() {
        if (!resolved) {
            Account found = caller == null ? null : em.find(Account.class, caller.accountId());
            account = found != null && found.isEnabled() && found.getRole() == caller.role() ? found : null;
            resolved = true;
        }
        return Optional.ofNullable(account);
    }

    /** The account, for code that runs only behind a security constraint. */
    public Account require() {
        return account().orElseThrow(() -> new BusinessException("error.notSignedIn",
                "no signed-in account"));
    }
}
