/**
 * Application services: one transactional service per aggregate. Ownership and permission checks live here,
 * not only in pages, so the API and the pages cannot disagree about who may see what.
 */
package org.securebase.application;
