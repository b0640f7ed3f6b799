package org.securebase.application.privacy;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.privacy.AccountErased;
import org.securebase.domain.privacy.ErasureRecord;

/**
 * A school administrator erases an account of their school. What the person wrote and everything about them goes:
 * reflections with every version, draft, review of them and read of them, self-ratings, module paths,
 * notifications, invitations, consent, grade links, mail to their address, failed sign-ins with their name, queued
 * xAPI statements with their pseudonymous actor, cohort memberships, the account. What must stay for others stays
 * under a pseudonym ("Erased person #n", a disabled account with no address): a tutor's reviews and comments on
 * students' reflections, a reader's line in a student's read trail, an administrator's erasure records. Their name
 * is replaced by the pseudonym in the free text of others (notifications, mail, comments, answers). An
 * {@link ErasureRecord} keeps who erased, when and how many rows of each kind, never the name.
 */
@Stateless
public class ErasureService {

    private static final Logger LOG = Logger.getLogger(ErasureService.class.getName());

    /** Shorter names are not replaced in others' free text: "Al" would be cut out of "also". */
    static final int NAME_MIN_TO_REPLACE = 4;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<ErasingAccount> erasing;

    @Inject
    private Event<AccountErased> erased;

    @Inject
    private Clock clock;

    /** What an erasure of the account would remove (and keep under a pseudonym), for the confirmation page. */
    public record Preview(Account account, Map<String, Long> counts) {
    }

    /** The xAPI actor name of an account, in quotes, as statements carry it (see XapiService). */
    static String xapiActor(long accountId) {
        return "\"account-" + accountId + "\"";
    }

    public Preview preview(Account admin, long accountId) {
        Account target = target(admin, accountId);
        ErasingAccount asking = ErasingAccount.preview(target, counts(new Sql(em), target));
        erasing.fire(asking);
        return new Preview(target, asking.counts());
    }

    /** The school's erasure records, newest first. */
    public List<ErasureRecord> records(Account admin) {
        requireAdmin(admin);
        return em.createNamedQuery("ErasureRecord.ofSchool", ErasureRecord.class)
                .setParameter("school", admin.getSchool()).setMaxResults(100).getResultList();
    }

    public ErasureRecord erase(Account admin, long accountId) {
        Account target = target(admin, accountId);
        Sql sql = new Sql(em);
        long id = target.getId();
        String email = target.getEmail();
        Map<String, Long> counts = counts(sql, target);
        em.flush();
        ReflectionRows.deleteOf(sql, id);
        sql.update("delete from recognition_answer where progress_id in "
                + "(select id from module_progress where student_id = ?1)", id);
        sql.update("delete from module_progress where student_id = ?1", id);
        sql.update("delete from self_rating_answer where self_rating_id in "
                + "(select id from self_rating where student_id = ?1)", id);
        sql.update("delete from self_rating where student_id = ?1", id);
        sql.update("delete from notification where recipient_id = ?1", id);
        sql.update("delete from plan_reminder where account_id = ?1", id);
        sql.update("delete from plan_extension where account_id = ?1", id);
        sql.update("update plan_extension set granted_by = null where granted_by = ?1", id);
        sql.update("delete from invitation where account_id = ?1", id);
        sql.update("delete from grade_post where link_id in (select id from lti_grade_link where account_id = ?1)",
                id);
        sql.update("delete from lti_grade_link where account_id = ?1", id);
        sql.update("delete from research_consent where account_id = ?1", id);
        sql.update("delete from cohort_member where account_id = ?1", id);
        sql.update("delete from login_failure where login_name = ?1", email);
        sql.update("delete from mail_message where lower(recipient) = ?1", email);
        sql.update("delete from xapi_statement where statement_json like ?1", "%" + xapiActor(id) + "%");

        long number = em.createNamedQuery("ErasureRecord.count", Long.class).getSingleResult() + 1;
        String pseudonym = "Erased person #" + number;
        Account[] stand = new Account[1];
        ErasingAccount event = new ErasingAccount(target, pseudonym, () -> {
            if (stand[0] == null) {
                stand[0] = Account.pseudonym(pseudonym, number, target.getRole(), target.getSchool(),
                        clock.instant());
                em.persist(stand[0]);
                em.flush();
            }
            return stand[0];
        }, counts);
        boolean keeps = sql.count("from review where tutor_id = ?1", id)
                + sql.count("from review_comment where author_id = ?1", id)
                + sql.count("from reflection_read where reader_id = ?1", id)
                + sql.count("from erasure_record where erased_by_id = ?1", id) > 0;
        if (keeps) {
            long standIn = event.pseudonym().getId();
            sql.update("update review set tutor_id = ?1 where tutor_id = ?2", standIn, id);
            sql.update("update review_comment set author_id = ?1 where author_id = ?2", standIn, id);
            sql.update("update reflection_read set reader_id = ?1 where reader_id = ?2", standIn, id);
            sql.update("update erasure_record set erased_by_id = ?1 where erased_by_id = ?2", standIn, id);
        }
        erasing.fire(event);
        replaceInText(sql, target.getDisplayName().strip(), pseudonym, FREE_TEXT);
        replaceInText(sql, email, pseudonym, FREE_TEXT);
        em.detach(target);
        sql.update("delete from account where id = ?1", id);

        String summary = event.counts().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        ErasureRecord record = new ErasureRecord(admin.getSchool(), admin, pseudonym, target.getRole().name(),
                clock.instant(), summary);
        em.persist(record);
        em.flush();
        LOG.info(() -> "Erased an account of school " + admin.getSchool().getId() + " as " + pseudonym + " ("
                + summary + "), record " + record.getId());
        erased.fire(new AccountErased(admin.getSchool().getId(), record.getId(), pseudonym, event.counts()));
        return record;
    }

    /** Free-text columns of other people's rows that may name the person: their name becomes the pseudonym. */
    private static final List<String[]> FREE_TEXT = List.of(new String[] {"notification", "subject"},
            new String[] {"mail_message", "subject"}, new String[] {"mail_message", "body"},
            new String[] {"review", "overall_comment"}, new String[] {"review_comment", "comment_text"},
            new String[] {"review_comment", "quote"}, new String[] {"draft_answer", "answer_text"},
            new String[] {"submitted_answer", "answer_text"}, new String[] {"xapi_statement", "statement_json"});

    /**
     * Replaces {@code text} (a name or an address) by the pseudonym in each {table, column} of {@code columns}; for
     * observers' own free-text columns too. Names shorter than {@value #NAME_MIN_TO_REPLACE} are left.
     */
    public static void replaceInText(Sql sql, String text, String pseudonym, List<String[]> columns) {
        if (text == null || text.length() < NAME_MIN_TO_REPLACE) {
            return;
        }
        for (String[] column : columns) {
            String c = column[1];
            sql.update("update " + column[0] + " set " + c + " = replace(" + c + ", ?1, ?2) where " + c
                    + " <> replace(" + c + ", ?1, ?2)", text, pseudonym);
        }
    }

    private static Map<String, Long> counts(Sql sql, Account target) {
        long id = target.getId();
        String email = target.getEmail();
        String mine = " join reflection r on r.id = x.reflection_id where r.student_id = ?1";
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("reflections", sql.count("from reflection where student_id = ?1", id));
        counts.put("versions", sql.count("from reflection_version x" + mine, id));
        counts.put("drafts", sql.count("from draft_answer x" + mine, id));
        counts.put("reviewsOfTheirWork", sql.count("from review w join reflection_version x on x.id = "
                + "w.reflection_version_id" + mine, id));
        counts.put("readsOfTheirWork", sql.count("from reflection_read x" + mine, id));
        counts.put("selfRatings", sql.count("from self_rating where student_id = ?1", id));
        counts.put("modulePaths", sql.count("from module_progress where student_id = ?1", id));
        counts.put("notifications", sql.count("from notification where recipient_id = ?1", id));
        counts.put("invitations", sql.count("from invitation where account_id = ?1", id));
        counts.put("cohorts", sql.count("from cohort_member where account_id = ?1", id));
        counts.put("consent", sql.count("from research_consent where account_id = ?1", id));
        counts.put("gradeLinks", sql.count("from lti_grade_link where account_id = ?1", id));
        counts.put("mail", sql.count("from mail_message where lower(recipient) = ?1", email));
        counts.put("signInFailures", sql.count("from login_failure where login_name = ?1", email));
        counts.put("xapiStatements", sql.count("from xapi_statement where statement_json like ?1",
                "%" + xapiActor(id) + "%"));
        counts.put("reviewsKept", sql.count("from review where tutor_id = ?1", id));
        counts.put("commentsKept", sql.count("from review_comment where author_id = ?1", id));
        counts.put("readsKept", sql.count("from reflection_read where reader_id = ?1", id));
        return counts;
    }

    private Account target(Account admin, long accountId) {
        requireAdmin(admin);
        Account target = em.find(Account.class, accountId);
        if (target == null || target.getSchool() == null || !target.getSchool().equals(admin.getSchool())
                || !target.isEnabled()) {
            throw new NotFoundException("account " + accountId + " in the administrator's school");
        }
        if (target.equals(admin)) {
            throw new BusinessException("privacy.erase.self", "an administrator cannot erase their own account");
        }
        return target;
    }

    private static void requireAdmin(Account admin) {
        if (!admin.administersASchool()) {
            throw new NotFoundException("erasure for " + admin.getRole());
        }
    }

    /** The account of the administrator's school with this address, for the erasure form. */
    public Account findInSchool(Account admin, String email) {
        requireAdmin(admin);
        return em.createNamedQuery("Account.byEmail", Account.class).setParameter("email",
                Account.normaliseEmail(email)).getResultStream()
                .filter(a -> admin.getSchool().equals(a.getSchool()) && a.isEnabled()).findFirst()
                .orElseThrow(() -> new NotFoundException("no such account in the school"));
    }
}
