/** OpenID Connect sign-in with a school's identity provider: the protocol, done by the Nimbus OAuth 2.0 SDK. */
package org.securebase.infrastructure.signin;
