/**
 * JAX-RS resources under {@code /api}. JSON in and out; errors are JSON with a {@code reason} code the page
 * translates, never a stack trace. Authentication is the same container session as the pages; a request
 * without one gets 401, not a login page, so scripts can tell.
 */
package org.securebase.api;
