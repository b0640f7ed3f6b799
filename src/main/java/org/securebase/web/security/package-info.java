/**
 * Who is signed in, and who may open which page: our own session state, established on every request by
 * {@link org.securebase.web.security.AccessFilter}. The container's authentication is not used (see the README's
 * security section for why); services check ownership, school and role again.
 */
package org.securebase.web.security;
