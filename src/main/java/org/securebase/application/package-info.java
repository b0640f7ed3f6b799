/**
 * Application services: one transactional service per aggregate, using the {@code EntityManager} directly with
 * the named queries on the entities (one home per recurring query: cohort membership is {@link
 * org.securebase.application.Memberships}). Ownership, school and permission checks live here, not only in pages,
 * so the API and the pages cannot disagree about who may see what. Side effects of a decision are observers of
 * its domain event. No page URL and no web bundle: mail texts have their own bundle, page addresses come through
 * {@link org.securebase.application.PageLinks}.
 */
package org.securebase.application;
