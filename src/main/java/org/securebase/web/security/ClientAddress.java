package org.securebase.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where a request comes from, for the sign-in throttle: the connecting address, or, when that address is one of the
 * installation's own proxies (TRUSTED_PROXIES, e.g. 127.0.0.1 for nginx on the same host), the address the proxy
 * appended last to X-Forwarded-For. Nothing a client writes itself is believed.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        List<String> proxies = Arrays
                .stream(ConfigProvider.getConfig().getOptionalValue("trusted.proxies", String.class)
                        .orElse("").split("[\\s,]+"))
                .filter(s -> !s.isBlank()).toList();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (!proxies.contains(remote) || forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].strip();
    }
}
