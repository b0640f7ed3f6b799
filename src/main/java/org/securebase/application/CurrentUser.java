package org.securebase.application;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.securebase.domain.account.Account;

/** The signed-in account, looked up once per request from the container's caller principal. */
@RequestScoped
public class CurrentUser {

    @Inject
    private SecurityContext securityContext;

    @PersistenceContext
    private EntityManager em;

    private Account account;
    private boolean resolved;

    public Optional<Account> account() {
        if (!resolved) {
            Principal principal = securityContext.getCallerPrincipal();
            account = principal == null ? null
                    : em.createNamedQuery("Account.byEmail", Account.class)
                            .setParameter("email", Account.normaliseEmail(principal.getName()))
                            .getResultStream().findFirst().orElse(null);
            resolved = true;
        }
        return Optional.ofNullable(account);
    }

    /** The account, for code that runs only behind a security constraint. */
    public Account require() {
        return account().orElseThrow(() -> new org.securebase.domain.BusinessException("error.notSignedIn",
                "no signed-in account"));
    }
}
