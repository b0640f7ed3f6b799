package org.securebase.application.signin;

/** A "Sign in with …" button of the login page. */
public record ProviderChoice(long id, String displayName) {
}
