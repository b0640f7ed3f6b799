package org.securebase.application.lti;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import org.securebase.application.CohortService;
import org.securebase.domain.BusinessException;
import org.securebase.domain.account.Account;
import org.securebase.domain.lti.LtiPlatform;
import org.securebase.domain.school.Cohort;
import org.securebase.infrastructure.lti.PlatformClient;

/**
 * A course's roster from its platform (Names and Role Provisioning Services): every page read, its known members
 * found in one query per 1,000, and the active members enrolled in the cohort, with accounts made as a first
 * launch would make them.
 */
@Stateless
public class RosterService {

    private static final Logger LOG = Logger.getLogger(RosterService.class.getName());

    public static final String NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

    /** Pages read at most in one sync: a course of 100 pages is a mistake, not a roster. */
    static final int MAX_PAGES = 100;

    /** What a roster sync did. */
    public record RosterSync(int added, int alreadyMembers, int skipped) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CohortService cohorts;

    @Inject
    private LtiAccounts accounts;

    @Inject
    private PlatformTokens tokens;

    @Inject
    private PlatformClient client;

    /** Whether the cohort came from a course whose roster can be read. */
    public boolean hasRoster(Account staff, long cohortId) {
        return cohorts.requireVisible(staff, cohortId).getLtiMembershipsUrl() != null;
    }

    public RosterSync sync(Account staff, long cohortId) {
        Cohort cohort = cohorts.requireVisible(staff, cohortId);
        if (cohort.getLtiMembershipsUrl() == null || cohort.getLtiPlatform() == null) {
            throw new BusinessException("roster.none", "cohort has no roster service");
        }
        LtiPlatform platform = em.find(LtiPlatform.class, cohort.getLtiPlatform().getId());
        Set<Long> members = new HashSet<>(em.createNamedQuery("Cohort.memberIds", Long.class)
                .setParameter("cohort", cohort.getId()).getResultList());
        int added = 0;
        int already = 0;
        int skipped = 0;
        String next = cohort.getLtiMembershipsUrl();
        try {
            String token = tokens.token(platform, NRPS_SCOPE);
            for (int page = 0; next != null && page < MAX_PAGES; page++) {
                PlatformClient.MembersPage read = client.members(next, token);
                Map<String, Account> known = accounts.known(platform, read.members().stream()
                        .map(PlatformClient.Member::userId).filter(Objects::nonNull).distinct().toList());
                for (PlatformClient.Member member : read.members()) {
                    if (!member.active()) {
                        skipped++;
                        continue;
                    }
                    Account account;
                    try {
                        account = accounts.account(platform, new LtiAccounts.Claimed(member.userId(), member.email(),
                                member.name(), member.givenName(), member.familyName(),
                                LtiAccounts.role(member.roles())), known);
                    } catch (LtiFailure conflict) {
                        // A member whose roster role is above the one the school gave: left as the school has it.
                        skipped++;
                        continue;
                    }
                    if (account.getId() != null && members.contains(account.getId())) {
                        already++;
                    } else {
                        cohort.enrol(account);
                        added++;
                    }
                }
                next = read.next();
            }
        } catch (PlatformClient.Refused e) {
            throw new BusinessException("roster.failed", "HTTP " + e.status());
        } catch (IOException | IllegalArgumentException e) {
            throw new BusinessException("roster.failed", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusinessException("roster.failed", "interrupted");
        }
        em.flush();
        int total = added;
        LOG.info(() -> "Roster sync of cohort " + cohort.getId() + ": " + total + " added");
        return new RosterSync(added, already, skipped);
    }
}
