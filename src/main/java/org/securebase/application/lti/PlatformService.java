package org.securebase.application.lti;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.lti.LtiPlatform;
import org.securebase.infrastructure.lti.OutboundAddress;

/**
 * A school's registrations of learning platforms (issuer and client ID, one school each), for its administrator
 * only: listing, registering, and how many launches came without a line item.
 */
@Stateless
public class PlatformService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PlatformOrigins origins;

    @Inject
    private GradeService grades;

    @Inject
    private Clock clock;

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
        List<String> deployments = deploymentIds == null ? List.of() : Arrays.stream(deploymentIds.split("[\\s,]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (blank(name) || blank(issuer) || blank(clientId) || deployments.isEmpty()) {
            throw new BusinessException("lti.required", "missing field");
        }
        for (String url : List.of(authUrl, tokenUrl, jwksUrl)) {
            if (blank(url) || !(url.strip().startsWith("https://") || url.strip().startsWith("http://"))) {
                throw new BusinessException("lti.badUrl", String.valueOf(url));
            }
        }
        for (String url : List.of(tokenUrl, jwksUrl)) {
            String problem = OutboundAddress.problem(url);
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

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void requireAdmin(Account admin) {
        if (!admin.administersASchool()) {
            throw new NotFoundException("LTI administration for " + admin.getRole());
        }
    }
}
