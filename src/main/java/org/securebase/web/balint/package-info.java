/** Balint group pages (/balint/), the live push of new posts to the group's open pages (a WebSocket). */
package org.securebase.web.balint;
