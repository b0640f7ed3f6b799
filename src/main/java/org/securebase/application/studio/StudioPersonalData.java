package org.securebase.application.studio;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.securebase.application.privacy.ErasingAccount;
import org.securebase.application.privacy.PersonalData;
import org.securebase.application.privacy.Sql;

/**
 * An author's part in the studio, in "download my data" (what they published, the drafts they last saved, their lines
 * in the studio's trail) and in an erasure: the school's modules and drafts stay, as the school's, and their name on
 * them becomes the pseudonym.
 */
@Stateless
public class StudioPersonalData {

    @PersistenceContext
    private EntityManager em;

    public void export(@Observes PersonalData data) {
        Sql sql = new Sql(em);
        long id = data.account().getId();
        data.json("studio-versions-you-published.json", sql.rows("slug, version_number, title, imported_at as "
                + "published_at", "from module_version where published_by = ?1 order by slug, version_number", id),
                "module_version");
        data.json("studio-drafts.json", sql.rows("slug, created_at, updated_at, case when created_by = ?1 then true "
                + "else false end as created_by_you, case when updated_by = ?1 then true else false end as "
                + "last_saved_by_you", "from module_draft where created_by = ?1 or updated_by = ?1 order by slug",
                id), "module_draft");
        data.json("studio-trail.json", sql.rows("action, slug, version_number, detail, happened_at",
                "from studio_event where actor_id = ?1 order by happened_at, id", id), "studio_event");
    }

    public void erase(@Observes ErasingAccount erasing) {
        Sql sql = new Sql(em);
        long id = erasing.account().getId();
        long published = sql.count("from module_version where published_by = ?1", id);
        long drafts = sql.count("from module_draft where created_by = ?1 or updated_by = ?1", id);
        long events = sql.count("from studio_event where actor_id = ?1", id);
        erasing.count("studioKept", published + drafts + events);
        if (erasing.isPreview() || published + drafts + events == 0) {
            return;
        }
        long standIn = erasing.pseudonym().getId();
        sql.update("update module_version set published_by = ?1 where published_by = ?2", standIn, id);
        sql.update("update module_draft set created_by = ?1 where created_by = ?2", standIn, id);
        sql.update("update module_draft set updated_by = ?1 where updated_by = ?2", standIn, id);
        sql.update("update studio_event set actor_id = ?1 where actor_id = ?2", standIn, id);
    }
}
