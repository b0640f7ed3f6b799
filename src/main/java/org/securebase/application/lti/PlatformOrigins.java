package org.securebase.application.lti;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The web origins of the registered learning platforms: the only pages allowed to frame ours, and the only other
 * places our forms may post to (a deep-linking answer goes back to the platform). Read at most once a minute,
 * and again as soon as a platform is registered.
 */
@ApplicationScoped
public class PlatformOrigins {

    private static final long REFRESH_MILLIS = 60_000;

    @PersistenceContext
    private EntityManager em;

    private volatile List<String> origins;
    private volatile long loadedAt;

    public List<String> origins() {
        List<String> current = origins;
        if (current == null || System.currentTimeMillis() - loadedAt > REFRESH_MILLIS) {
            current = em.createQuery("select p.issuer, p.authUrl from LtiPlatform p", Object[].class).getResultList()
                    .stream().flatMap(row -> Stream.of(origin((String) row[0]), origin((String) row[1])))
                    .filter(Objects::nonNull).distinct().sorted().toList();
            origins = current;
            loadedAt = System.currentTimeMillis();
        }
        return current;
    }

    public void changed() {
        origins = null;
    }

    /** scheme://host[:port] of an address, or null when it is not an http(s) URL. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                    || !uri.getHost().matches("[A-Za-z0-9.-]+")) {
                return null;
            }
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
