/**
 * Signing in with a school's own identity provider (OpenID Connect): the registrations, the flow, and who an
 * identity lets in. Identities belong to one registration of one school, as LTI's do (application.lti.LtiAccounts).
 */
package org.securebase.application.signin;
