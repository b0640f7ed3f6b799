package org.securebase.application.privacy;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.privacy.ResearchConsent;

/**
 * A trainee's consent to the research use of their self-ratings: asked once (on their home page), recorded with its
 * time, withdrawable on the profile page. The research export includes only those whose latest decision is yes.
 */
@Stateless
public class ConsentService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /** The person's latest decision; empty if they have not been asked or not answered yet. */
    public Optional<ResearchConsent> current(Account person) {
        return em.createNamedQuery("ResearchConsent.history", ResearchConsent.class).setParameter("account", person)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** Records a decision (a new row: the history is kept). Only trainees are asked. */
    public ResearchConsent decide(Account person, boolean consented) {
        if (person.getRole() != Role.STUDENT) {
            throw new NotFoundException("research consent for " + person.getRole());
        }
        ResearchConsent decision = new ResearchConsent(person, consented, clock.instant());
        em.persist(decision);
        return decision;
    }

    /** Of these accounts, those whose latest decision is yes. */
    public Set<Long> consenting(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createNamedQuery("ResearchConsent.consentingAmong", Long.class)
                .setParameter("ids", accountIds).getResultList());
    }
}
