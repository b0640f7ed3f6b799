/**
 * Infrastructure: how the application talks to the outside world: the database (data source, Flyway), the
 * {@code content/} folders, learning platforms ({@code lti.PlatformClient}), the Learning Record Store, SMTP and
 * password hashing. It implements the ports the application owns ({@code application.content.ContentLibrary})
 * and never calls an application service, a page or a resource ({@code LayersTest} checks).
 */
package org.securebase.infrastructure;
