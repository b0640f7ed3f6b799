package org.securebase.application.balint;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import org.securebase.application.privacy.ErasingAccount;
import org.securebase.application.privacy.ErasureService;
import org.securebase.application.privacy.PersonalData;
import org.securebase.application.privacy.Sql;

/**
 * A person's Balint rows in "download my data" and in an erasure. A member's copy holds their memberships, their
 * posts (with who opened them while hidden), drafts, and the sessions they presented (never the leader's process
 * note); a leader's holds the groups they led with their own process notes, and the hidden posts they opened.
 * Erasing a member deletes their posts, drafts and memberships; a session they presented stays for the group under
 * the pseudonym. Erasing a leader deletes their process notes; the group and their lines in members' read trails
 * stay under the pseudonym. Their name is replaced in the others' texts.
 */
@Stateless
public class BalintPersonalData {

    /** Others' free text in the groups that may name the person. */
    private static final List<String[]> FREE_TEXT = List.of(new String[] {"balint_post", "text"},
            new String[] {"balint_post", "hidden_reason"}, new String[] {"balint_draft", "text"},
            new String[] {"balint_session", "process_note"}, new String[] {"balint_group", "name"});

    private static final String LED = "from balint_group where leader_id = ?1";

    @PersistenceContext
    private EntityManager em;

    public void export(@Observes PersonalData data) {
        Sql sql = new Sql(em);
        long id = data.account().getId();
        data.json("balint-memberships.json", sql.rows("m.id, m.group_id, g.name as group_name, m.created_at, "
                + "m.accepted_at, m.left_at, m.anonymous_after_leaving",
                "from balint_membership m join balint_group g "
                        + "on g.id = m.group_id where m.account_id = ?1 order by m.created_at, m.id",
                id), "balint_membership");
        List<Map<String, Object>> posts = sql.rows("id, session_id, phase, text, closing, created_at, hidden_at, "
                + "hidden_reason", "from balint_post where author_id = ?1 order by created_at, id", id);
        Sql.nest(posts, "readWhileHidden", sql.rows("r.id, r.post_id, a.display_name as reader, r.read_at",
                "from balint_post_read r join account a on a.id = r.reader_id join balint_post p on p.id = r.post_id "
                        + "where p.author_id = ?1 order by r.read_at, r.id",
                id), "postId");
        data.json("balint-posts.json", posts, "balint_post");
        data.json("balint-drafts.json", sql.rows("id, session_id, text, revision, saved_at",
                "from balint_draft where author_id = ?1 order by saved_at, id", id), "balint_draft");
        data.json("balint-sessions-you-presented.json", sql.rows("s.id, s.group_id, g.name as group_name, s.number, "
                + "s.opens_at, s.closes_at, s.phase, s.phase_opened_at, s.closed_at",
                "from balint_session s join "
                        + "balint_group g on g.id = s.group_id where s.presenter_id = ?1 order by s.opens_at, s.id",
                id), "balint_session");
        List<Map<String, Object>> led = sql.rows("id, school_id, name, cohort_id, agreement, created_at, ended_at, "
                + "text_purged_at", LED + " order by created_at, id", id);
        Sql.nest(led, "sessions", sql.rows("s.id, s.group_id, s.number, s.opens_at, s.closes_at, s.phase, "
                + "s.phase_opened_at, s.closed_at, s.process_note",
                "from balint_session s join balint_group g on "
                        + "g.id = s.group_id where g.leader_id = ?1 order by s.number",
                id), "groupId");
        data.json("balint-groups-you-led.json", led, "balint_group");
        data.json("balint-hidden-posts-you-read.json", sql.rows("id, session_id, post_id, read_at",
                "from balint_post_read where reader_id = ?1 order by read_at, id", id), "balint_post_read");
    }

    public void erase(@Observes ErasingAccount erasing) {
        Sql sql = new Sql(em);
        long id = erasing.account().getId();
        String notes = "from balint_session where process_note is not null and group_id in (select id " + LED + ")";
        erasing.count("balintPosts", sql.count("from balint_post where author_id = ?1", id));
        erasing.count("balintDrafts", sql.count("from balint_draft where author_id = ?1", id));
        erasing.count("balintMemberships", sql.count("from balint_membership where account_id = ?1", id));
        erasing.count("balintNotes", sql.count(notes, id));
        long groups = sql.count(LED, id);
        long presented = sql.count("from balint_session where presenter_id = ?1", id);
        long reads = sql.count("from balint_post_read where reader_id = ?1", id);
        erasing.count("balintGroupsKept", groups);
        erasing.count("balintSessionsKept", presented);
        erasing.count("balintReadsKept", reads);
        if (erasing.isPreview()) {
            return;
        }
        sql.update("delete from balint_post_read where post_id in (select id from balint_post where author_id = ?1)",
                id);
        sql.update("delete from balint_post where author_id = ?1", id);
        sql.update("delete from balint_draft where author_id = ?1", id);
        sql.update("delete from balint_membership where account_id = ?1", id);
        sql.update("update balint_session set process_note = null where group_id in (select id " + LED + ")", id);
        if (groups + presented + reads > 0) {
            long standIn = erasing.pseudonym().getId();
            sql.update("update balint_group set leader_id = ?1 where leader_id = ?2", standIn, id);
            sql.update("update balint_session set presenter_id = ?1 where presenter_id = ?2", standIn, id);
            sql.update("update balint_post_read set reader_id = ?1 where reader_id = ?2", standIn, id);
        }
        ErasureService.replaceInText(sql, erasing.account().getDisplayName().strip(), erasing.pseudonymName(),
                FREE_TEXT);
        ErasureService.replaceInText(sql, erasing.account().getEmail(), erasing.pseudonymName(), FREE_TEXT);
    }
}
