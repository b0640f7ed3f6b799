package org.securebase.infrastructure.lti;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Addresses the server itself fetches for a learning platform (its keys, tokens, roster, line items): given by a
 * school's administrator or in a platform's signed claims, so they must not reach this machine or the private
 * network behind it. Loopback, private, link-local and unique-local addresses are refused unless the installation
 * allows them (LTI_ALLOW_PRIVATE_ADDRESSES=true, for a platform on the same network, or the tests). Checked when a
 * platform is registered and again before every fetch; a name that resolves elsewhere between the check and the
 * fetch (DNS rebinding) is not caught here.
 */
public final class OutboundAddress {

    private OutboundAddress() {
    }

    /** Why the address may not be fetched, or null when it may. */
    public static String problem(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return "not an address";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            return "not an http(s) address";
        }
        if (allowPrivate()) {
            return null;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()
                        || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc)) {
                    return "a private or loopback address (" + address.getHostAddress() + ")";
                }
            }
        } catch (UnknownHostException e) {
            return "an unknown host";
        }
        return null;
    }

    /** Refuses the address, naming why; for fetches made while serving a launch, a grade or a roster. */
    public static URI require(String url) {
        String problem = problem(url);
        if (problem != null) {
            throw new IllegalArgumentException("refused to fetch " + url + ": " + problem);
        }
        return URI.create(url.strip());
    }

    private static boolean allowPrivate() {
        return ConfigProvider.getConfig().getOptionalValue("lti.allow.private.addresses", Boolean.class).orElse(false);
    }
}
