package org.securebase.application.signin;

import org.securebase.domain.account.Role;

/** What a school's administrator enters for its OpenID Connect provider; a blank secret keeps the stored one. */
public record ProviderForm(String displayName, String issuer, String clientId, String clientSecret,
        String emailClaim, String rolesClaim, boolean createAccounts, Role newRole, boolean passwordSignInOff) {
}
