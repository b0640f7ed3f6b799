package org.securebase.application.lti;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.securebase.domain.lti.LtiPlatform;

/**
 * The web origins of a school's registered learning platforms: the only pages allowed to frame that school's
 * pages, and the only other places its forms may post to (a deep-linking answer goes back to the platform). One
 * school's registrations never open another school's pages. Read at most once a minute per school, and again as
 * soon as a platform is registered.
 */
@ApplicationScoped
public class PlatformOrigins {

    private static final long REFRESH_MILLIS = 60_000;

    private record Loaded(List<String> origins, long at) {
    }

    @PersistenceContext
    private EntityManager em;

    private final Map<Long, Loaded> bySchool = new ConcurrentHashMap<>();

    /** The origins of the platforms of one school; none for no school. */
    public List<String> origins(Long schoolId) {
        if (schoolId == null) {
            return List.of();
        }
        Loaded loaded = bySchool.get(schoolId);
        if (loaded == null || System.currentTimeMillis() - loaded.at() > REFRESH_MILLIS) {
            List<Object[]> rows = schoolId == EVERY_SCHOOL
                    ? em.createQuery("select p.issuer, p.authUrl from LtiPlatform p", Object[].class).getResultList()
                    : em.createQuery("select p.issuer, p.authUrl from LtiPlatform p where p.school.id = :school",
                            Object[].class).setParameter("school", schoolId).getResultList();
            List<String> current = rows.stream().flatMap(row -> Stream.of(origin((String) row[0]),
                    origin((String) row[1]))).filter(Objects::nonNull).distinct().sorted().toList();
            loaded = new Loaded(current, System.currentTimeMillis());
            bySchool.put(schoolId, loaded);
        }
        return loaded.origins();
    }

    /**
     * The origins of every school's platforms, for the one page any of them may frame: the refusal of a launch,
     * which holds no school's data and no action.
     */
    public List<String> everySchool() {
        return origins(EVERY_SCHOOL);
    }

    private static final long EVERY_SCHOOL = -1;

    /** The origins of one platform: where its launches come from. */
    public List<String> of(LtiPlatform platform) {
        return Stream.of(origin(platform.getIssuer()), origin(platform.getAuthUrl())).filter(Objects::nonNull)
                .distinct().sorted().toList();
    }

    public void changed() {
        bySchool.clear();
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
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
