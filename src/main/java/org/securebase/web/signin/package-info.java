/** Signing in through a school's identity provider: the start and callback addresses, the login page's buttons. */
package org.securebase.web.signin;
