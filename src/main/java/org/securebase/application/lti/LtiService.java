package org.securebase.application.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.lti.LoginState;
import org.securebase.domain.lti.LtiPlatform;
import org.securebase.domain.school.Cohort;
import org.securebase.infrastructure.lti.IdTokenValidator;
import org.securebase.infrastructure.lti.LtiFailure;

/**
 * LTI 1.3 for schools' learning platforms: registering a platform, the OIDC login initiation, and the launch:
 * validate the id_token, find or create the account (by the platform's issuer and the user's subject, no
 * password) and the cohort (by the course), and say where to land.
 */
@Stateless
public class LtiService {

    private static final Logger LOG = Logger.getLogger(LtiService.class.getName());
    private static final IdTokenValidator VALIDATOR = new IdTokenValidator();

    /**
     * A validated launch: who signs in (a one-time ticket), the path to land on, a deep-linking request, and the
     * origins of the launching platform (the only pages that may frame the answer).
     */
    public record Launch(String ticket, String path, DeepLink deepLink, List<String> frameOrigins) {
    }

    /** What a deep-linking request asks for, kept in the instructor's session while they pick modules. */
    public record DeepLink(long platformId, String deploymentId, String returnUrl, String data,
            boolean acceptMultiple) implements java.io.Serializable {
    }

    public static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private LaunchTickets tickets;

    @Inject
    private PlatformOrigins origins;

    @jakarta.ejb.EJB
    private ToolKeyService keys;

    @jakarta.ejb.EJB
    private GradeService grades;

    @jakarta.ejb.EJB
    private org.securebase.application.xapi.XapiService xapi;

    @jakarta.ejb.EJB
    private org.securebase.application.CohortService cohorts;



    @Inject
    private Clock clock;

    /** During a roster sync: the accounts of the page being read, by subject (null otherwise). */
    private java.util.Map<String, Account> known;

    public List<LtiPlatform> platforms(Account admin) {
        requireAdmin(admin);
        return em.createQuery("select p from LtiPlatform p where p.school = :school order by p.name",
                LtiPlatform.class).setParameter("school", admin.getSchool()).getResultList();
    }

    /** Per platform of the admin's school: students' module launches that named no line item (no grades back). */
    public Map<Long, Long> launchesWithoutLineItem(Account admin) {
        requireAdmin(admin);
        return grades.launchesWithoutLineItem(admin.getSchool());
    }

    public LtiPlatform register(Account admin, String name, String issuer, String clientId, String deploymentIds,
            String authUrl, String tokenUrl, String jwksUrl) {
        requireAdmin(admin);
        List<String> deployments = deploymentIds == null ? List.of() : List.of(deploymentIds.split("[\\s,]+"))
                .stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (blank(name) || blank(issuer) || blank(clientId) || deployments.isEmpty()) {
            throw new BusinessException("lti.required", "missing field");
        }
        for (String url : List.of(authUrl, tokenUrl, jwksUrl)) {
            if (blank(url) || !(url.strip().startsWith("https://") || url.strip().startsWith("http://"))) {
                throw new BusinessException("lti.badUrl", String.valueOf(url));
            }
        }
        for (String url : List.of(tokenUrl, jwksUrl)) {
            String problem = org.securebase.infrastructure.lti.OutboundAddress.problem(url);
            if (problem != null) {
                throw new BusinessException("lti.privateUrl", url.strip() + ": " + problem);
            }
        }
        if (em.createQuery("select count(p) from LtiPlatform p where p.issuer = :issuer and p.clientId = :client",
                Long.class).setParameter("issuer", issuer.strip()).setParameter("client", clientId.strip())
                .getSingleResult() > 0) {
            throw new BusinessException("lti.exists", issuer);
        }
        LtiPlatform platform = new LtiPlatform(admin.getSchool(), name.strip(), issuer.strip(), clientId.strip(),
                deployments, authUrl.strip(), tokenUrl.strip(), jwksUrl.strip(), clock.instant());
        em.persist(platform);
        origins.changed();
        return platform;
    }

    /**
     * Third-party login initiation: remembers a fresh state and nonce and answers the address to send the browser
     * to, the platform's authorization endpoint.
     */
    public String startLogin(String issuer, String clientId, String loginHint, String messageHint,
            String targetLinkUri, String redirectUri) {
        if (blank(issuer) || blank(loginHint)) {
            throw new LtiFailure(LtiFailure.Reason.MISSING_CLAIM, "iss and login_hint are required");
        }
        var find = em.createQuery("select p from LtiPlatform p where p.issuer = :issuer"
                + (blank(clientId) ? "" : " and p.clientId = :client"), LtiPlatform.class)
                .setParameter("issuer", issuer);
        List<LtiPlatform> candidates = (blank(clientId) ? find : find.setParameter("client", clientId))
                .getResultList();
        if (candidates.size() != 1) {
            throw new LtiFailure(LtiFailure.Reason.PLATFORM, "no single registration for " + issuer);
        }
        LtiPlatform platform = candidates.get(0);
        String state = random();
        String nonce = random();
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
        StringBuilder url = new StringBuilder(platform.getAuthUrl()).append(platform.getAuthUrl().contains("?") ? '&' : '?');
        query.forEach((k, v) -> url.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        return url.substring(0, url.length() - 1);
    }

    /** Validates a launch and prepares the sign-in. The state is used up whatever the outcome. */
    public Launch launch(String state, String idToken) {
        LoginState login = state == null ? null : em.find(LoginState.class, state);
        if (login == null || !login.use(clock.instant())) {
            throw new LtiFailure(LtiFailure.Reason.STATE, "unknown, used or expired state");
        }
        LtiPlatform platform = login.getPlatform();
        JWTClaimsSet claims = VALIDATOR.validate(idToken, new IdTokenValidator.Expected(platform.getIssuer(),
                platform.getClientId(), platform.getJwksUrl(), platform.deploymentIds(), login.getNonce()),
                clock.instant());
        Role role = role(claims);
        DeepLink deepLink = null;
        if ("LtiDeepLinkingRequest".equals(claims.getClaim(IdTokenValidator.MESSAGE_TYPE))) {
            if (role == Role.STUDENT) {
                throw new LtiFailure(LtiFailure.Reason.ROLE, "deep linking by a learner");
            }
            Object settings = claims.getClaim(DL + "deep_linking_settings");
            if (!(settings instanceof Map<?, ?> map) || map.get("deep_link_return_url") == null) {
                throw new LtiFailure(LtiFailure.Reason.MISSING_CLAIM, DL + "deep_linking_settings");
            }
            Object accept = map.get("accept_types");
            if (accept instanceof List<?> types && !types.contains("ltiResourceLink")) {
                throw new LtiFailure(LtiFailure.Reason.MESSAGE_TYPE, "platform does not accept resource links");
            }
            deepLink = new DeepLink(platform.getId(), String.valueOf(claims.getClaim(IdTokenValidator.DEPLOYMENT_ID)),
                    String.valueOf(map.get("deep_link_return_url")), map.get("data") == null ? null
                    : String.valueOf(map.get("data")), !Boolean.FALSE.equals(map.get("accept_multiple")));
        }
        Account account = account(platform, claims, role);
        Cohort cohort = cohort(platform, claims);
        Object nrps = claims.getClaim("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice");
        if (cohort != null && nrps instanceof Map<?, ?> service && service.get("context_memberships_url") != null) {
            cohort.rosterAt(String.valueOf(service.get("context_memberships_url")));
        }
        String module = module(claims);
        Object ags = claims.getClaim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint");
        if (deepLink == null && account.getRole() == Role.STUDENT && module != null) {
            boolean scores = ags instanceof Map<?, ?> endpoint && endpoint.get("lineitem") != null
                    && endpoint.get("scope") instanceof List<?> scopes && scopes.contains(GradeService.SCORE_SCOPE);
            if (!scores) {
                LOG.info(() -> "LTI launch of " + module + " from " + platform.getName() + " carried no line item: "
                        + "no grade can go back");
            }
            grades.link(account, module, platform, scores ? String.valueOf(((Map<?, ?>) ags).get("lineitem")) : null);
        }
        if (cohort != null && (cohort.getId() == null || em.createNamedQuery("Cohort.isMember", Long.class)
                .setParameter("cohort", cohort.getId()).setParameter("account", account.getId()).getSingleResult() == 0)) {
            cohort.enrol(account);
        }
        if (deepLink == null && role == Role.STUDENT && module != null) {
            xapi.record(account, org.securebase.application.xapi.XapiService.Verb.LAUNCHED, "/modules/" + module,
                    module, null);
        }
        em.flush();
        LOG.info(() -> "LTI launch from " + platform.getIssuer() + " for " + account.getEmail() + " as " + role);
        return new Launch(tickets.issue(org.securebase.application.Caller.of(account)),
                deepLink != null ? "/staff/deep-link.xhtml" : target(claims, account), deepLink, origins.of(platform));
    }

    /**
     * The answer to a deep-linking request: a JWT signed with the tool's key that hands the chosen modules back
     * to the platform as resource links, each launching into its module.
     */
    public String deepLinkResponse(Account staff, DeepLink request, List<String> slugs, String launchUrl) {
        if (staff.getRole() == Role.STUDENT) {
            throw new NotFoundException("deep linking for a student");
        }
        LtiPlatform platform = em.find(LtiPlatform.class, request.platformId());
        if (platform == null) {
            throw new NotFoundException("platform " + request.platformId());
        }
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (String slug : request.acceptMultiple() ? slugs : slugs.stream().limit(1).toList()) {
            String title = modules().stream().filter(m -> m.getKey().equals(slug)).map(Map.Entry::getValue)
                    .findFirst().orElseThrow(() -> new NotFoundException("module " + slug));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", "ltiResourceLink");
            item.put("title", title);
            item.put("url", launchUrl);
            item.put("custom", Map.of("module", slug));
            items.add(item);
        }
        java.time.Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(platform.getClientId())
                .audience(platform.getIssuer()).issueTime(java.util.Date.from(now))
                .expirationTime(java.util.Date.from(now.plusSeconds(300))).claim("nonce", random())
                .claim(IdTokenValidator.DEPLOYMENT_ID, request.deploymentId())
                .claim(IdTokenValidator.MESSAGE_TYPE, "LtiDeepLinkingResponse")
                .claim(IdTokenValidator.VERSION, "1.3.0")
                .claim(DL + "content_items", items);
        if (request.data() != null) {
            claims.claim(DL + "data", request.data());
        }
        return keys.sign(claims.build());
    }

    /** What a roster sync did. */
    public record RosterSync(int added, int alreadyMembers, int skipped) {
    }

    public static final String NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

    /**
     * Reads the course's roster from the platform (Names and Role Provisioning Services, following "next" pages)
     * and enrols its active members in the cohort, creating accounts as a first launch would.
     */
    public RosterSync syncRoster(Account staff, long cohortId) {
        Cohort cohort = cohorts.requireVisible(staff, cohortId);
        if (cohort.getLtiMembershipsUrl() == null || cohort.getLtiPlatform() == null) {
            throw new BusinessException("roster.none", "cohort has no roster service");
        }
        LtiPlatform platform = em.find(LtiPlatform.class, cohort.getLtiPlatform().getId());
        Cohort managed = em.find(Cohort.class, cohort.getId());
        java.util.Set<Long> members = new java.util.HashSet<>(em.createQuery("select m.id from Cohort c join c.members m "
                + "where c.id = :cohort", Long.class).setParameter("cohort", cohort.getId()).getResultList());
        int added = 0;
        int already = 0;
        int skipped = 0;
        String next = cohort.getLtiMembershipsUrl();
        known = new java.util.HashMap<>();
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(10)).build();
        try {
            String token = grades.token(platform, NRPS_SCOPE);
            for (int page = 0; next != null && page < 100; page++) {
                java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                        org.securebase.infrastructure.lti.OutboundAddress.require(next))
                        .timeout(java.time.Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/vnd.ims.lti-nrps.v2.membershipcontainer+json").GET().build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    throw new BusinessException("roster.failed", "HTTP " + response.statusCode());
                }
                jakarta.json.JsonObject container = jakarta.json.Json.createReader(
                        new java.io.StringReader(response.body())).readObject();
                // The page's known members in one query per 1,000, not one or two queries a member.
                List<String> subjects = container.getJsonArray("members").stream()
                        .map(v -> v.asJsonObject().getString("user_id", null)).filter(java.util.Objects::nonNull)
                        .distinct().toList();
                known.clear();
                for (int from = 0; from < subjects.size(); from += 1000) {
                    em.createNamedQuery("Account.byLtiIdentities", Account.class).setParameter("platform", platform)
                            .setParameter("subs", subjects.subList(from, Math.min(subjects.size(), from + 1000)))
                            .getResultList().forEach(a -> known.put(a.getLtiSubject(), a));
                }
                for (jakarta.json.JsonValue value : container.getJsonArray("members")) {
                    jakarta.json.JsonObject member = value.asJsonObject();
                    String status = member.getString("status", "Active");
                    String userId = member.getString("user_id", null);
                    if (userId == null || !"Active".equals(status)) {
                        skipped++;
                        continue;
                    }
                    List<String> roles = member.containsKey("roles") ? member.getJsonArray("roles")
                            .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                            .toList() : List.of();
                    Role role = role(new JWTClaimsSet.Builder().claim(IdTokenValidator.ROLES, roles).build());
                    Account account;
                    try {
                        account = account(platform, userId, member.getString("email", null),
                                member.getString("name", null), member.getString("given_name", null),
                                member.getString("family_name", null), role);
                    } catch (LtiFailure conflict) {
                        // A member whose roster role is above the one the school gave: left as the school has it.
                        skipped++;
                        continue;
                    }
                    if (account.getId() != null && members.contains(account.getId())) {
                        already++;
                    } else {
                        managed.enrol(account);
                        added++;
                    }
                }
                next = response.headers().allValues("Link").stream().flatMap(h -> java.util.Arrays.stream(h.split(",")))
                        .filter(l -> l.contains("rel=\"next\"")).map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>')))
                        .findFirst().orElse(null);
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new BusinessException("roster.failed", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusinessException("roster.failed", "interrupted");
        } finally {
            known = null;
        }
        em.flush();
        LOG.info("Roster sync of cohort " + cohort.getId() + ": " + added + " added");
        return new RosterSync(added, already, skipped);
    }

    /** Whether the cohort came from a course whose roster can be read. */
    public boolean hasRoster(Account staff, long cohortId) {
        return cohorts.requireVisible(staff, cohortId).getLtiMembershipsUrl() != null;
    }

    /** The modules one can link to: slug and title, by title. */
    public List<Map.Entry<String, String>> modules() {
        return em.createNamedQuery("ContentVersion.current", org.securebase.domain.module.ContentVersion.class)
                .setParameter("kind", org.securebase.domain.module.ContentVersion.MODULE).getResultList().stream()
                .map(v -> Map.entry(v.getSlug(), v.getTitle())).toList();
    }

    /** Instructors and teaching assistants are tutors, administrators school administrators, others students. */
    static Role role(JWTClaimsSet claims) {
        Object value = claims.getClaim(IdTokenValidator.ROLES);
        List<?> roles = value instanceof List<?> list ? list : List.of();
        boolean has = false;
        for (Object r : roles) {
            String role = String.valueOf(r);
            if (role.endsWith("membership#Instructor") || role.endsWith("membership/Instructor#TeachingAssistant")
                    || role.endsWith("membership#ContentDeveloper")) {
                has = true;
            }
            if (role.endsWith("institution/person#Administrator") || role.endsWith("system/person#Administrator")) {
                return Role.SCHOOL_ADMIN;
            }
        }
        return has ? Role.TUTOR : Role.STUDENT;
    }

    private Account account(LtiPlatform platform, JWTClaimsSet claims, Role role) {
        return account(platform, claims.getSubject(), string(claims, "email"), string(claims, "name"),
                string(claims, "given_name"), string(claims, "family_name"), role);
    }

    /**
     * The account of a platform user: found through this registration only (so through one school), updated with
     * the name and address the platform now sends, or created. A token can never reach another school's account,
     * raise the role the school gave an account, or move it to another school: such a launch is refused.
     */
    private Account account(LtiPlatform platform, String subject, String givenEmail, String givenName,
            String givenFirst, String givenFamily, Role role) {
        if (blank(subject)) {
            throw new LtiFailure(LtiFailure.Reason.MISSING_CLAIM, "sub");
        }
        String name = givenName;
        if (blank(name)) {
            name = ((givenFirst == null ? "" : givenFirst) + " " + (givenFamily == null ? "" : givenFamily)).strip();
        }
        Account account = known != null && known.containsKey(subject) ? known.get(subject)
                : em.createNamedQuery("Account.byLtiIdentity", Account.class)
                .setParameter("platform", platform).setParameter("sub", subject)
                .getResultStream().findFirst().orElse(null);
        if (account != null) {
            if (account.getSchool() == null || !account.getSchool().equals(platform.getSchool())) {
                LOG.warning(() -> "LTI identity of another school: platform " + platform.getId() + ", account "
                        + account.getId());
                throw new LtiFailure(LtiFailure.Reason.CONFLICT, "account of another school");
            }
            if (rank(role) > rank(account.getRole())) {
                LOG.warning(() -> "LTI launch from platform " + platform.getId() + " claims " + role + " for account "
                        + account.getId() + ", which the school made " + account.getRole());
                throw new LtiFailure(LtiFailure.Reason.CONFLICT, "claims " + role + " for a " + account.getRole());
            }
            account.updateFromPlatform(name, usableEmail(givenEmail, account), clock.instant());
            return account;
        }
        String email = usableEmail(givenEmail, null);
        if (email == null) {
            // No address, or one already taken: a unique address that cannot receive mail.
            email = subject.replaceAll("[^A-Za-z0-9._-]", "_") + "." + platform.getId() + "@lti.invalid";
        }
        Account created = new Account(email, blank(name) ? subject : name, role, platform.getSchool(), null,
                clock.instant());
        created.linkLti(platform, subject);
        em.persist(created);
        return created;
    }

    /** The address a platform sent, if it looks like one and no other account has it; else null. */
    private String usableEmail(String given, Account self) {
        if (blank(given) || given.length() > Account.EMAIL_MAX || !given.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return null;
        }
        return em.createNamedQuery("Account.byEmail", Account.class)
                .setParameter("email", Account.normaliseEmail(given)).getResultStream()
                .filter(other -> !other.equals(self)).findFirst().isPresent() ? null : given.strip();
    }

    private static int rank(Role role) {
        return switch (role) {
            case STUDENT -> 0;
            case TUTOR -> 1;
            case SCHOOL_ADMIN -> 2;
            case OPERATOR -> 3;
        };
    }

    private Cohort cohort(LtiPlatform platform, JWTClaimsSet claims) {
        Object value = claims.getClaim(IdTokenValidator.CONTEXT);
        if (!(value instanceof Map<?, ?> context) || context.get("id") == null) {
            return null;
        }
        String id = String.valueOf(context.get("id"));
        Cohort cohort = em.createQuery("select c from Cohort c where c.ltiPlatform = :platform "
                + "and c.ltiContextId = :context", Cohort.class).setParameter("platform", platform)
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

    /** Students land in the module the link names (custom parameter "module"), staff on their home page. */
    private String target(JWTClaimsSet claims, Account account) {
        if (account.getRole() == Role.TUTOR) {
            return "/tutor/index.xhtml";
        }
        if (account.getRole() == Role.SCHOOL_ADMIN) {
            return "/admin/index.xhtml";
        }
        String module = module(claims);
        return module != null ? "/student/module.xhtml?m=" + module : "/student/index.xhtml";
    }

    /** The module a link names: its custom parameter "module", else "m=" in its target address. */
    private static String module(JWTClaimsSet claims) {
        Object custom = claims.getClaim(IdTokenValidator.CUSTOM);
        String module = custom instanceof Map<?, ?> map && map.get("module") != null
                ? String.valueOf(map.get("module")) : null;
        if (module == null) {
            String target = string(claims, IdTokenValidator.TARGET_LINK_URI);
            if (target != null && target.contains("m=")) {
                module = target.substring(target.indexOf("m=") + 2).split("&")[0];
            }
        }
        return module != null && module.matches("[a-z0-9-]{1,100}") ? module : null;
    }

    private static String string(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    private static String random() {
        return org.securebase.infrastructure.security.Tokens.random(24);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void requireAdmin(Account admin) {
        if (admin.getRole() != Role.SCHOOL_ADMIN || admin.getSchool() == null) {
            throw new NotFoundException("LTI administration for " + admin.getRole());
        }
    }
}
