package org.securebase.application.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.securebase.application.Caller;
import org.securebase.application.Memberships;
import org.securebase.application.xapi.XapiService;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.lti.LaunchRefusal;
import org.securebase.domain.lti.LoginState;
import org.securebase.domain.lti.LtiPlatform;
import org.securebase.domain.school.Cohort;
import org.securebase.infrastructure.lti.IdTokenValidator;
import org.securebase.infrastructure.lti.InvalidIdToken;
import org.securebase.infrastructure.security.Tokens;

/**
 * An LTI 1.3 launch: the OIDC login initiation, then the id_token: validated, the account found or created in
 * the registration's school (by {@link LtiAccounts}), the course's cohort found or created, the line item
 * remembered, and where to land.
 */
@Stateless
public class LaunchService {

    private static final Logger LOG = Logger.getLogger(LaunchService.class.getName());
    private static final IdTokenValidator VALIDATOR = new IdTokenValidator();

    /**
     * A validated launch: who signs in (a one-time ticket), where to land, a deep-linking request, and the
     * origins of the launching platform (the only pages that may frame the answer).
     */
    public record Launch(String ticket, Landing landing, DeepLinkService.Request deepLink,
            List<String> frameOrigins, String language) {
    }

    static final String LAUNCH_PRESENTATION = "https://purl.imsglobal.org/spec/lti/claim/launch_presentation";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private LaunchTickets tickets;

    @Inject
    private PlatformOrigins origins;

    @Inject
    private LtiAccounts accounts;

    @Inject
    private Memberships memberships;

    @Inject
    private GradeService grades;

    @Inject
    private XapiService xapi;

    @Inject
    private Clock clock;

    /**
     * Third-party login initiation: remembers a fresh state and nonce and answers the address to send the browser
     * to, the platform's authorization endpoint.
     */
    public String startLogin(String issuer, String clientId, String loginHint, String messageHint,
            String redirectUri) {
        if (blank(issuer) || blank(loginHint)) {
            throw new LtiFailure(LaunchRefusal.MISSING_CLAIM, "iss and login_hint are required");
        }
        var find = em.createQuery("select p from LtiPlatform p where p.issuer = :issuer"
                + (blank(clientId) ? "" : " and p.clientId = :client"), LtiPlatform.class)
                .setParameter("issuer", issuer);
        List<LtiPlatform> candidates = (blank(clientId) ? find : find.setParameter("client", clientId))
                .getResultList();
        if (candidates.size() != 1) {
            throw new LtiFailure(LaunchRefusal.PLATFORM, "no single registration for " + issuer);
        }
        LtiPlatform platform = candidates.get(0);
        String state = Tokens.random(24);
        String nonce = Tokens.random(24);
        em.persist(new LoginState(state, nonce, platform, clock.instant()));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("scope", "openid");
        query.put("response_type", "id_token");
        query.put("response_mode", "form_post");
        query.put("prompt", "none");
        query.put("client_id", platform.getClientId());
        query.put("redirect_uri", redirectUri);
        query.put("login_hint", loginHint);
        if (!blank(messageHint)) {
            query.put("lti_message_hint", messageHint);
        }
        query.put("state", state);
        query.put("nonce", nonce);
        StringBuilder url = new StringBuilder(platform.getAuthUrl())
                .append(platform.getAuthUrl().contains("?") ? '&' : '?');
        query.forEach((k, v) -> url.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                .append('&'));
        return url.substring(0, url.length() - 1);
    }

    /** Validates a launch and prepares the sign-in. The state is used up whatever the outcome. */
    public Launch launch(String state, String idToken) {
        LoginState login = state == null ? null : em.find(LoginState.class, state);
        if (login == null || !login.use(clock.instant())) {
            throw new LtiFailure(LaunchRefusal.STATE, "unknown, used or expired state");
        }
        LtiPlatform platform = login.getPlatform();
        JWTClaimsSet claims;
        try {
            claims = VALIDATOR.validate(idToken, new IdTokenValidator.Expected(platform.getIssuer(),
                    platform.getClientId(), platform.getJwksUrl(), platform.deploymentIds(), login.getNonce()),
                    clock.instant());
        } catch (InvalidIdToken e) {
            throw new LtiFailure(e.reason(), e.getMessage());
        }
        Role role = LtiAccounts.role(claims);
        DeepLinkService.Request deepLink = DeepLinkService.request(platform, claims, role);
        Account account = accounts.of(platform, claims, role);
        // The platform's language for this person (launch_presentation.locale), kept for their pages and mail.
        Object presentation = claims.getClaim(LAUNCH_PRESENTATION);
        String language = presentation instanceof Map<?, ?> p && p.get("locale") != null
                ? Account.language(String.valueOf(p.get("locale"))) : null;
        if (language != null) {
            account.speaks(language);
        }
        Cohort cohort = cohort(platform, claims);
        Object nrps = claims.getClaim("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice");
        if (cohort != null && nrps instanceof Map<?, ?> service && service.get("context_memberships_url") != null) {
            cohort.rosterAt(String.valueOf(service.get("context_memberships_url")));
        }
        String module = Claims.module(claims);
        boolean studentInModule = deepLink == null && account.getRole() == Role.STUDENT && module != null;
        if (studentInModule) {
            Object ags = claims.getClaim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint");
            boolean scores = ags instanceof Map<?, ?> endpoint && endpoint.get("lineitem") != null
                    && endpoint.get("scope") instanceof List<?> scopes && scopes.contains(GradeService.SCORE_SCOPE);
            if (!scores) {
                LOG.info(() -> "LTI launch of " + module + " from " + platform.getName() + " carried no line item: "
                        + "no grade can go back");
            }
            grades.link(account, module, platform, scores ? String.valueOf(((Map<?, ?>) ags).get("lineitem")) : null);
        }
        if (cohort != null && (cohort.getId() == null || !memberships.isMember(cohort.getId(), account.getId()))) {
            cohort.enrol(account);
        }
        if (studentInModule && role == Role.STUDENT) {
            xapi.record(account, XapiService.Verb.LAUNCHED, "/modules/" + module, module, null);
        }
        em.flush();
        LOG.info(() -> "LTI launch from " + platform.getIssuer() + " for " + account.getEmail() + " as " + role);
        return new Launch(tickets.issue(Caller.of(account)), deepLink != null ? Landing.of(Landing.Place.DEEP_LINK)
                : landing(account, module), deepLink, origins.of(platform), language);
    }

    /** The course's cohort in the registration's school, made on the first launch from it. */
    private Cohort cohort(LtiPlatform platform, JWTClaimsSet claims) {
        Object value = claims.getClaim(IdTokenValidator.CONTEXT);
        if (!(value instanceof Map<?, ?> context) || context.get("id") == null) {
            return null;
        }
        String id = String.valueOf(context.get("id"));
        Cohort cohort = em.createNamedQuery("Cohort.byLtiContext", Cohort.class).setParameter("platform", platform)
                .setParameter("context", id).getResultStream().findFirst().orElse(null);
        if (cohort == null) {
            Object title = context.get("title") != null ? context.get("title") : context.get("label");
            cohort = new Cohort(platform.getSchool(), title == null ? platform.getName() + " " + id
                    : String.valueOf(title), clock.instant());
            cohort.linkLti(platform, id);
            em.persist(cohort);
        }
        return cohort;
    }

    /** Students land in the module the link names, staff on their home page. */
    static Landing landing(Account account, String module) {
        return switch (account.getRole()) {
            case TUTOR -> Landing.of(Landing.Place.TUTOR_HOME);
            case SCHOOL_ADMIN -> Landing.of(Landing.Place.ADMIN_HOME);
            default -> module != null ? Landing.module(module) : Landing.of(Landing.Place.STUDENT_HOME);
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
