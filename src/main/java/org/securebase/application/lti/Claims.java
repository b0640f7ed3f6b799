package org.securebase.application.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.util.Map;
import org.securebase.infrastructure.lti.IdTokenValidator;

/** Reading the LTI claims a validated launch carries. */
final class Claims {

    private Claims() {
    }

    static String string(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    /**
     * The module a link names: its custom parameter "module", else "module=" (or the older "m=") in its target
     * address; only a well-formed slug.
     */
    static String module(JWTClaimsSet claims) {
        Object custom = claims.getClaim(IdTokenValidator.CUSTOM);
        String module = custom instanceof Map<?, ?> map && map.get("module") != null
                ? String.valueOf(map.get("module")) : null;
        if (module == null) {
            module = queryParameter(string(claims, IdTokenValidator.TARGET_LINK_URI));
        }
        return module != null && module.matches("[a-z0-9-]{1,100}") ? module : null;
    }

    /** The value of "module" (or "m") in an address's query, if any. */
    static String queryParameter(String target) {
        if (target == null || target.indexOf('?') < 0) {
            return null;
        }
        String found = null;
        for (String pair : target.substring(target.indexOf('?') + 1).split("[&#]")) {
            if (pair.startsWith("module=")) {
                return pair.substring("module=".length());
            }
            if (pair.startsWith("m=")) {
                found = pair.substring(2);
            }
        }
        return found;
    }
}
