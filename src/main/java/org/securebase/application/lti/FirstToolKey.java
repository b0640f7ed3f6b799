package org.securebase.application.lti;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.securebase.domain.lti.ToolKey;

/**
 * Makes the tool's first signing key, once: two first requests at the same moment (the keyset fetched while a
 * launch signs) wait for each other here instead of making two keys. Committed in its own transaction, so the
 * second caller finds the first's key.
 */
@Singleton
public class FirstToolKey {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ToolKeyService keys;

    @Lock(LockType.WRITE)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ToolKey ensure() {
        List<ToolKey> active = em.createQuery("select k from ToolKey k where k.retiredAt is null "
                + "order by k.createdAt desc, k.id desc", ToolKey.class).setMaxResults(1).getResultList();
        return active.isEmpty() ? keys.generateNow() : active.get(0);
    }
}
