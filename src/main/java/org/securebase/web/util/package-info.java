/** What several pages share: the bundle, paging, charts, display of reviews, the record EL resolver. */
package org.securebase.web.util;
