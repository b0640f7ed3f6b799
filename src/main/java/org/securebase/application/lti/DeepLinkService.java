package org.securebase.application.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.lti.LaunchRefusal;
import org.securebase.domain.lti.LtiPlatform;
import org.securebase.domain.school.School;
import org.securebase.infrastructure.lti.IdTokenValidator;
import org.securebase.infrastructure.security.Tokens;

/**
 * LTI Deep Linking: an instructor's request from the platform, the modules they may pick, and the signed answer
 * that hands the chosen modules back as resource links, each launching into its module.
 */
@Stateless
public class DeepLinkService {

    public static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

    /** What a deep-linking request asks for, kept in the instructor's session while they pick modules. */
    public record Request(long platformId, String deploymentId, String returnUrl, String data,
            boolean acceptMultiple) implements Serializable {
    }

    /** A module one can link to. */
    public record Linkable(String slug, String title) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private ToolKeyService keys;

    @Inject
    private Clock clock;

    /** The deep-linking request a launch carries, or null for a plain launch; refused for learners. */
    static Request request(LtiPlatform platform, JWTClaimsSet claims, Role role) {
        if (!"LtiDeepLinkingRequest".equals(claims.getClaim(IdTokenValidator.MESSAGE_TYPE))) {
            return null;
        }
        if (role == Role.STUDENT) {
            throw new LtiFailure(LaunchRefusal.ROLE, "deep linking by a learner");
        }
        Object settings = claims.getClaim(DL + "deep_linking_settings");
        if (!(settings instanceof Map<?, ?> map) || map.get("deep_link_return_url") == null) {
            throw new LtiFailure(LaunchRefusal.MISSING_CLAIM, DL + "deep_linking_settings");
        }
        Object accept = map.get("accept_types");
        if (accept instanceof List<?> types && !types.contains("ltiResourceLink")) {
            throw new LtiFailure(LaunchRefusal.MESSAGE_TYPE, "platform does not accept resource links");
        }
        return new Request(platform.getId(), String.valueOf(claims.getClaim(IdTokenValidator.DEPLOYMENT_ID)),
                String.valueOf(map.get("deep_link_return_url")), map.get("data") == null ? null
                        : String.valueOf(map.get("data")),
                !Boolean.FALSE.equals(map.get("accept_multiple")));
    }

    /** The modules one can link to, by title: the shared library's and the school's own. */
    public List<Linkable> modules(School school) {
        return catalog.currentModules(school).stream().map(v -> new Linkable(v.getSlug(), v.getTitle())).toList();
    }

    /**
     * The answer to a deep-linking request: a JWT signed with the tool's key, with the chosen modules (only the
     * first if the platform accepts one) as resource links to {@code launchUrl}.
     */
    public String response(Account staff, Request request, List<String> slugs, String launchUrl) {
        if (staff.getRole() == Role.STUDENT) {
            throw new NotFoundException("deep linking for a student");
        }
        LtiPlatform platform = em.find(LtiPlatform.class, request.platformId());
        if (platform == null || !platform.getSchool().equals(staff.getSchool())) {
            throw new NotFoundException("platform " + request.platformId());
        }
        Map<String, String> titles = new LinkedHashMap<>();
        modules(platform.getSchool()).forEach(m -> titles.put(m.slug(), m.title()));
        List<Map<String, Object>> items = new ArrayList<>();
        for (String slug : request.acceptMultiple() ? slugs : slugs.stream().limit(1).toList()) {
            String title = titles.get(slug);
            if (title == null) {
                throw new NotFoundException("module " + slug);
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", "ltiResourceLink");
            item.put("title", title);
            item.put("url", launchUrl);
            item.put("custom", Map.of("module", slug));
            items.add(item);
        }
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(platform.getClientId())
                .audience(platform.getIssuer()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).claim("nonce", Tokens.random(24))
                .claim(IdTokenValidator.DEPLOYMENT_ID, request.deploymentId())
                .claim(IdTokenValidator.MESSAGE_TYPE, "LtiDeepLinkingResponse")
                .claim(IdTokenValidator.VERSION, "1.3.0")
                .claim(DL + "content_items", items);
        if (request.data() != null) {
            claims.claim(DL + "data", request.data());
        }
        return keys.sign(claims.build());
    }
}
