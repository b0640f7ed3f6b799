package org.securebase.application.signin;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.securebase.application.privacy.ErasingAccount;
import org.securebase.application.privacy.PersonalData;
import org.securebase.application.privacy.Sql;

/**
 * The person's identities at their school's sign-in providers, in "download my data" and in an erasure (the link
 * goes; a later sign-in at the provider meets an unknown subject, as for anyone the school has not enrolled).
 */
@Stateless
public class SignInPersonalData {

    @PersistenceContext
    private EntityManager em;

    public void export(@Observes PersonalData data) {
        data.json("sign-in-identities.json", new Sql(em).rows("x.id, x.provider_id, p.display_name as provider, "
                + "p.issuer, x.subject, x.created_at, x.last_sign_in_at",
                "from external_identity x join oidc_provider "
                        + "p on p.id = x.provider_id where x.account_id = ?1 order by x.created_at, x.id",
                data.account().getId()), "external_identity");
    }

    public void erase(@Observes ErasingAccount erasing) {
        Sql sql = new Sql(em);
        long id = erasing.account().getId();
        erasing.count("signInIdentities", sql.count("from external_identity where account_id = ?1", id));
        if (!erasing.isPreview()) {
            sql.update("delete from external_identity where account_id = ?1", id);
        }
    }
}
