/**
 * The domain: entities, value objects and the business rules they enforce ({@code reflection.submit()},
 * {@code throttle.isLocked(...)}). Nothing here knows about the web: no imports of {@code jakarta.faces},
 * {@code jakarta.ws.rs} or {@code jakarta.servlet}.
 */
package org.securebase.domain;
