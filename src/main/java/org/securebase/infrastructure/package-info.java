/**
 * Infrastructure: how the application talks to the outside world: the database (data source, Flyway), the
 * {@code content/} folder, password hashing, demo data. Application services depend on it; it never depends on
 * the web layer.
 */
package org.securebase.infrastructure;
