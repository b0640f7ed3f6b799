package org.securebase.infrastructure.security;

import jakarta.security.enterprise.credential.Credential;

/** The credential of an LTI launch: a one-time ticket from {@code LaunchTickets}, never a password. */
public record LaunchCredential(String ticket) implements Credential {
}
