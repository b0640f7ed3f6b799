package org.securebase.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.securebase.application.AccountService;

/** The container's identity store: accounts in our own database, through {@link AccountService#signIn}. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    private AccountService accounts;

    @Inject
    private org.securebase.application.lti.LaunchTickets launches;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof LaunchCredential launch) {
            return launches.spend(launch.ticket())
                    .map(who -> new CredentialValidationResult(who[0], Set.of(who[1])))
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        }
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        AccountService.SignIn result = accounts.signIn(login.getCaller(), login.getPassword().getValue());
        if (result.outcome() != AccountService.Outcome.SUCCESS) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(result.account().getEmail(), Set.of(result.account().getRole().name()));
    }
}
