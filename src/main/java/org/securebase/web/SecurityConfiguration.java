package org.securebase.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import org.securebase.domain.account.Role;

/**
 * Form sign-in on our own Faces login page, checked against {@code AccountIdentityStore}. A protected page
 * visited without a session redirects to the login page ({@code ?continue=true}) and, after sign-in, back to where
 * the user was going.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml?continue=true", useForwardToLogin = false,
                errorPage = ""))
@DeclareRoles({Role.STUDENT_NAME, Role.TUTOR_NAME, Role.SCHOOL_ADMIN_NAME})
@ApplicationScoped
public class SecurityConfiguration {
}
