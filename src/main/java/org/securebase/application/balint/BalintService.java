package org.securebase.application.balint;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.securebase.application.CohortService;
import org.securebase.application.Memberships;
import org.securebase.application.balint.BalintViews.Draft;
import org.securebase.application.balint.BalintViews.GroupRow;
import org.securebase.application.balint.BalintViews.GroupView;
import org.securebase.application.balint.BalintViews.MemberRow;
import org.securebase.application.balint.BalintViews.PostRow;
import org.securebase.application.balint.BalintViews.PostView;
import org.securebase.application.balint.BalintViews.Purged;
import org.securebase.application.balint.BalintViews.SessionRow;
import org.securebase.application.balint.BalintViews.SessionView;
import org.securebase.application.balint.BalintViews.Standing;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.balint.BalintChanged;
import org.securebase.domain.balint.BalintDraft;
import org.securebase.domain.balint.BalintException;
import org.securebase.domain.balint.BalintGroup;
import org.securebase.domain.balint.BalintMemberLeft;
import org.securebase.domain.balint.BalintMembership;
import org.securebase.domain.balint.BalintPost;
import org.securebase.domain.balint.BalintPostRead;
import org.securebase.domain.balint.BalintSession;
import org.securebase.domain.balint.Phase;
import org.securebase.domain.school.Cohort;
import org.securebase.domain.school.School;

/**
 * Balint groups: making them, joining and leaving, and the sessions. Every read and write asks first where the
 * caller sits ({@link #seat}): the leader, or a current member who accepted the agreement. For anyone else
 * (another tutor, the school's administrator, the operator, another school) a session and its posts do not exist.
 * Nothing here feeds grades, xAPI statements or exports.
 */
@Stateless
public class BalintService {

    private static final Logger LOG = Logger.getLogger(BalintService.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private CohortService cohorts;

    @Inject
    private Memberships memberships;

    @Inject
    private Event<BalintChanged> changed;

    @Inject
    private Event<BalintMemberLeft> left;

    // ---- groups -------------------------------------------------------------------------------------------

    /**
     * A new group. An administrator names any tutor or administrator of the school as leader and chooses students
     * of the school (from a cohort or not); a tutor makes one for a cohort they tutor, led by one of its tutors,
     * with its students.
     */
    public BalintGroup createGroup(Account creator, String name, Long cohortId, long leaderId, List<Long> memberIds) {
        if (creator.getRole() != Role.SCHOOL_ADMIN && creator.getRole() != Role.TUTOR) {
            throw new NotFoundException("balint groups for " + creator.getRole());
        }
        School school = creator.getSchool();
        Cohort cohort = null;
        if (cohortId != null) {
            cohort = cohorts.requireVisible(creator, cohortId);
        } else if (creator.getRole() == Role.TUTOR) {
            throw new BusinessException("balint.error.cohort", "a tutor makes groups for a cohort");
        }
        Account leader = em.find(Account.class, leaderId);
        boolean leaderFits = leader != null && leader.isEnabled() && school.equals(leader.getSchool())
                && (leader.getRole() == Role.TUTOR || leader.getRole() == Role.SCHOOL_ADMIN)
                && (creator.getRole() == Role.SCHOOL_ADMIN || memberships.isMember(cohort.getId(), leaderId));
        if (!leaderFits) {
            throw new BusinessException("balint.error.leader", "leader " + leaderId);
        }
        Set<Long> ids = new LinkedHashSet<>(memberIds == null ? List.of() : memberIds);
        ids.remove(leaderId);
        BalintGroup.checkSize(ids.size());
        List<Account> members = new ArrayList<>();
        for (Long id : ids) {
            Account member = em.find(Account.class, id);
            boolean fits = member != null && member.getRole() == Role.STUDENT && school.equals(member.getSchool())
                    && (cohort == null || memberships.isMember(cohort.getId(), id));
            if (!fits) {
                throw new BusinessException("balint.error.member", "member " + id);
            }
            members.add(member);
        }
        Instant now = clock.instant();
        BalintGroup group = new BalintGroup(school, name, leader, cohort, school.balintAgreement().orElse(null), now);
        em.persist(group);
        for (Account member : members) {
            em.persist(new BalintMembership(group, member, now));
        }
        return group;
    }

    /** Sessions at a regular interval (e.g. every 14 days), each open for {@code open} from its opening time. */
    public List<BalintSession> schedule(Account staff, long groupId, Instant firstOpens, Duration open, int count,
            int everyDays) {
        BalintGroup group = manageable(staff, groupId);
        if (count < 1 || count > 52 || everyDays < 1 || everyDays > 365 || open.isNegative() || open.isZero()
                || open.toDays() > 60) {
            throw new BusinessException("balint.error.schedule", count + " every " + everyDays);
        }
        if (group.getEndedAt() != null) {
            throw new BusinessException("balint.error.ended", "group ended");
        }
        int next = em.createQuery("select coalesce(max(s.number), 0) from BalintSession s where s.group = :group",
                Integer.class).setParameter("group", group).getSingleResult() + 1;
        List<BalintSession> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant opens = firstOpens.plus(Duration.ofDays((long) everyDays * i));
            BalintSession session = new BalintSession(group, next + i, opens, opens.plus(open));
            em.persist(session);
            made.add(session);
        }
        return made;
    }

    /** The group stops meeting; the school's retention period starts. */
    public void endGroup(Account staff, long groupId) {
        manageable(staff, groupId).end(clock.instant());
    }

    /** The groups the caller leads or belongs to (invited or member), and for an administrator all the school's. */
    public List<GroupRow> groupsOf(Account account) {
        String scope = account.getRole() == Role.SCHOOL_ADMIN ? "g.school = :school or g.leader = :account"
                : "g.leader = :account or exists (select m from BalintMembership m where m.group = g "
                        + "and m.account = :account and m.leftAt is null)";
        var query = em.createQuery("select new org.securebase.application.balint.BalintViews$GroupRow(g.id, g.name, "
                + "l.displayName, count(x), g.endedAt) from BalintGroup g join g.leader l left join BalintMembership x "
                + "on x.group = g and x.leftAt is null where (" + scope + ") "
                + "group by g.id, g.name, l.displayName, g.endedAt, g.createdAt order by g.createdAt desc, g.id",
                GroupRow.class).setParameter("account", account);
        if (account.getRole() == Role.SCHOOL_ADMIN) {
            query.setParameter("school", account.getSchool());
        }
        return query.getResultList();
    }

    /** A group as the caller may see it; for anyone without a standing in it, it does not exist. */
    public GroupView group(Account account, long groupId) {
        BalintGroup group = em.find(BalintGroup.class, groupId);
        if (group == null || account.getSchool() == null || !account.getSchool().equals(group.getSchool())) {
            throw new NotFoundException("balint group " + groupId);
        }
        Standing standing;
        BalintMembership membership = membership(groupId, account.getId());
        if (group.isLedBy(account)) {
            standing = Standing.LEADER;
        } else if (membership != null && membership.isActive()) {
            standing = Standing.MEMBER;
        } else if (membership != null && membership.isInvited()) {
            standing = Standing.INVITED;
        } else if (account.getRole() == Role.SCHOOL_ADMIN) {
            standing = Standing.ADMINISTRATOR;
        } else {
            throw new NotFoundException("balint group " + groupId);
        }
        List<SessionRow> sessions = em.createQuery("select new org.securebase.application.balint.BalintViews$"
                + "SessionRow(s.id, s.number, s.opensAt, s.closesAt, s.phase, s.closedAt) from BalintSession s "
                + "where s.group = :group order by s.number", SessionRow.class).setParameter("group", group)
                .getResultList();
        return new GroupView(group.getId(), group.getName(), group.getLeader().getDisplayName(),
                group.getCohort() == null ? null : group.getCohort().getName(), standing,
                group.agreement().orElse(null), group.getEndedAt(), group.getTextPurgedAt(), members(group),
                sessions);
    }

    /** Accepts the group's confidentiality agreement. */
    public void accept(Account account, long groupId) {
        BalintMembership membership = membership(groupId, account.getId());
        if (membership == null || membership.getLeftAt() != null) {
            throw new NotFoundException("balint group " + groupId);
        }
        membership.accept(clock.instant());
    }

    /** Leaves the group: access ends at once (open pages too); posts stay, as "a former member" if asked. */
    public void leave(Account account, long groupId, boolean anonymous) {
        BalintMembership membership = membership(groupId, account.getId());
        if (membership == null || membership.getLeftAt() != null) {
            throw new NotFoundException("balint group " + groupId);
        }
        membership.leave(clock.instant(), anonymous);
        left.fire(new BalintMemberLeft(groupId, account.getId()));
    }

    // ---- sessions -----------------------------------------------------------------------------------------

    /** A session as the caller sees it: only its leader and the group's current members can open it. */
    public SessionView session(Account account, long sessionId) {
        BalintSession session = find(sessionId);
        Phase.Seat seat = seat(account, session);
        BalintGroup group = session.getGroup();
        List<PostRow> rows = em.createQuery("select new org.securebase.application.balint.BalintViews$PostRow(p.id, "
                + "a.id, a.displayName, p.phase, p.text, p.closing, p.createdAt, p.hiddenAt, p.hiddenReason) "
                + "from BalintPost p join p.author a where p.session = :session order by p.createdAt, p.id",
                PostRow.class).setParameter("session", session).getResultList();
        // Former members who asked to be shown anonymously: one query for the group, not one per post.
        Set<Long> anonymous = new HashSet<>(em.createQuery("select m.account.id from BalintMembership m "
                + "where m.group = :group and m.leftAt is not null and m.anonymousAfterLeaving = true", Long.class)
                .setParameter("group", group).getResultList());
        List<PostView> posts = new ArrayList<>();
        for (PostRow r : rows) {
            boolean mine = r.authorId() == account.getId();
            boolean hidden = r.hiddenAt() != null;
            boolean former = anonymous.contains(r.authorId());
            posts.add(new PostView(r.id(), former ? null : r.author(), former, mine, r.phase(),
                    hidden && !mine ? null : r.text(), r.closing(), r.createdAt(), hidden,
                    hidden && (mine || seat == Phase.Seat.LEADER) ? r.hiddenReason() : null));
        }
        BalintDraft draft = draft(session, account);
        Account presenter = session.getPresenter();
        Instant now = clock.instant();
        return new SessionView(session.getId(), group.getId(), group.getName(), session.getNumber(),
                session.getOpensAt(), session.getClosesAt(), session.getPhase(), session.getPhaseOpenedAt(),
                session.isClosed(), seat, presenter == null ? null : presenter.getId(),
                presenter == null ? null : presenter.getDisplayName(), session.mayPost(seat, now),
                seat == Phase.Seat.MEMBER && presenter == null && session.getPhase() == Phase.CASE
                        && !session.isClosed(),
                posts, draft == null ? new Draft("", 0, null) : new Draft(draft.getText(), draft.getRevision(),
                        draft.getSavedAt()),
                seat == Phase.Seat.LEADER ? session.getProcessNote() : null,
                seat == Phase.Seat.LEADER ? members(group) : List.of());
    }

    /** The session a post belongs to, as the caller sees it (the same seat rule as the session's). */
    public SessionView sessionOfPost(Account account, long postId) {
        return session(account, post(postId).getSession().getId());
    }

    /** Autosave of what the caller is writing in the session. */
    public Draft saveDraft(Account account, long sessionId, String text, long revision) {
        BalintSession session = find(sessionId);
        seat(account, session);
        if (session.isClosed()) {
            throw new BalintException.Closed();
        }
        BalintDraft draft = draft(session, account);
        if (draft == null) {
            draft = new BalintDraft(session, account, clock.instant());
            em.persist(draft);
        }
        draft.save(text, revision, clock.instant());
        return new Draft(draft.getText(), draft.getRevision(), draft.getSavedAt());
    }

    /** Posts what the caller has drafted, under the phase rules; the draft is then gone. */
    public BalintPost submit(Account account, long sessionId) {
        BalintSession session = find(sessionId);
        Phase.Seat seat = seat(account, session);
        BalintDraft draft = draft(session, account);
        BalintPost post = session.post(account, seat, draft == null ? null : draft.getText(), clock.instant());
        em.persist(post);
        em.remove(draft);
        changed.fire(new BalintChanged(session.getGroup().getId(), session.getId(),
                session.isClosed() ? BalintChanged.Kind.CLOSED : BalintChanged.Kind.POST));
        return post;
    }

    /** The leader opens the next phase; the group's members are told (in the app and by mail). */
    public Phase advance(Account leader, long sessionId) {
        BalintSession session = find(sessionId);
        Phase phase = session.advance(seat(leader, session), clock.instant());
        changed.fire(new BalintChanged(session.getGroup().getId(), session.getId(), BalintChanged.Kind.PHASE));
        return phase;
    }

    /** The leader names the presenter among the current members, or a member volunteers. */
    public void choosePresenter(Account account, long sessionId, long presenterId) {
        BalintSession session = find(sessionId);
        Phase.Seat seat = seat(account, session);
        BalintMembership membership = membership(session.getGroup().getId(), presenterId);
        if (membership == null || !membership.isActive()) {
            throw new BusinessException("balint.error.member", "presenter " + presenterId);
        }
        session.choosePresenter(seat, account, membership.getAccount());
        changed.fire(new BalintChanged(session.getGroup().getId(), session.getId(), BalintChanged.Kind.PRESENTER));
    }

    /** The leader hides a post, with a reason its author is shown. */
    public void hide(Account leader, long postId, String reason) {
        BalintPost post = post(postId);
        post.hide(seat(leader, post.getSession()), reason, clock.instant());
    }

    /** The leader reads a hidden post again: written down in the audit, every time. */
    public String readHidden(Account leader, long postId) {
        BalintPost post = post(postId);
        if (seat(leader, post.getSession()) != Phase.Seat.LEADER || !post.isHidden()) {
            throw new NotFoundException("hidden post " + postId);
        }
        em.persist(new BalintPostRead(post, leader, clock.instant()));
        return post.getText();
    }

    /** How often the leader has opened hidden posts of the session again (the audit, for them and for tests). */
    public long hiddenReads(Account leader, long sessionId) {
        BalintSession session = find(sessionId);
        if (seat(leader, session) != Phase.Seat.LEADER) {
            throw new NotFoundException("balint session " + sessionId);
        }
        return em.createQuery("select count(r) from BalintPostRead r where r.session = :session", Long.class)
                .setParameter("session", session).getSingleResult();
    }

    /** The leader's private note on the session. */
    public void saveProcessNote(Account leader, long sessionId, String text) {
        BalintSession session = find(sessionId);
        session.writeProcessNote(seat(leader, session), text);
    }

    // ---- live pages ---------------------------------------------------------------------------------------

    /** Whether the account may follow the session live (its leader or a current member). */
    public boolean follows(long accountId, long sessionId) {
        BalintSession session = em.find(BalintSession.class, sessionId);
        return session != null && followerIds(session).contains(accountId);
    }

    /** Who may follow the session live now: the leader and the current members. */
    public Set<Long> followerIds(long sessionId) {
        BalintSession session = em.find(BalintSession.class, sessionId);
        return session == null ? Set.of() : followerIds(session);
    }

    private Set<Long> followerIds(BalintSession session) {
        Set<Long> ids = new HashSet<>(em.createNamedQuery("BalintMembership.activeIds", Long.class)
                .setParameter("group", session.getGroup().getId()).getResultList());
        ids.add(session.getGroup().getLeader().getId());
        return ids;
    }

    // ---- settings and retention ---------------------------------------------------------------------------

    /** The school's Balint settings: its agreement for new groups and the retention of session text. */
    public void settings(Account admin, String agreement, Integer retentionMonths) {
        if (admin.getRole() != Role.SCHOOL_ADMIN) {
            throw new NotFoundException("balint settings");
        }
        em.find(School.class, admin.getSchool().getId()).balintSettings(agreement, retentionMonths);
    }

    /** The retention rule for one school, now (the administrator's button). */
    public List<Purged> purgeExpired(Account admin) {
        if (admin.getRole() != Role.SCHOOL_ADMIN) {
            throw new NotFoundException("balint retention");
        }
        return purge(admin.getSchool());
    }

    /**
     * What the retention rule deletes next in the administrator's school: ended groups whose text is still kept,
     * soonest first, with the day it goes (none while the school keeps texts without limit).
     */
    public List<BalintViews.DueForDeletion> dueForDeletion(Account admin, int limit) {
        if (admin.getRole() != Role.SCHOOL_ADMIN) {
            throw new NotFoundException("balint retention");
        }
        Integer months = admin.getSchool().getBalintRetentionMonths();
        if (months == null) {
            return List.of();
        }
        return em.createQuery("select g from BalintGroup g where g.school = :school and g.endedAt is not null "
                + "and g.textPurgedAt is null order by g.endedAt, g.id", BalintGroup.class)
                .setParameter("school", admin.getSchool()).setMaxResults(limit).getResultStream()
                .map(g -> new BalintViews.DueForDeletion(g.getId(), g.getName(), g.getEndedAt(),
                        g.textExpiresAt(months).orElseThrow()))
                .toList();
    }

    /** The retention rule for every school (the nightly timer). */
    public List<Purged> purgeExpired() {
        return purge(null);
    }

    /**
     * Deletes the session text (posts, drafts, the leader's notes) of every ended group whose school's retention
     * period has passed; the group, its members and session dates stay, as does the audit of hidden reads.
     */
    private List<Purged> purge(School school) {
        Instant now = clock.instant();
        var query = em.createQuery("select g from BalintGroup g join fetch g.school s "
                + "where g.endedAt is not null and g.textPurgedAt is null and s.balintRetentionMonths is not null"
                + (school == null ? "" : " and s = :school"), BalintGroup.class);
        if (school != null) {
            query.setParameter("school", school);
        }
        List<BalintGroup> candidates = query.getResultList();
        List<Purged> done = new ArrayList<>();
        for (BalintGroup group : candidates) {
            Integer months = group.getSchool().getBalintRetentionMonths();
            if (!group.isPastRetention(months, now)) {
                continue;
            }
            long posts = em.createQuery("delete from BalintPost p where p.session in "
                    + "(select s from BalintSession s where s.group = :group)").setParameter("group", group)
                    .executeUpdate();
            long drafts = em.createQuery("delete from BalintDraft d where d.session in "
                    + "(select s from BalintSession s where s.group = :group)").setParameter("group", group)
                    .executeUpdate();
            List<BalintSession> sessions = em.createQuery("select s from BalintSession s where s.group = :group",
                    BalintSession.class).setParameter("group", group).getResultList();
            sessions.forEach(BalintSession::forgetText);
            group.textPurged(now);
            Purged purged = new Purged(group.getId(), group.getName(), posts, drafts, sessions.size());
            LOG.info(() -> "Balint retention: deleted the text of group " + purged.groupId() + " (ended "
                    + group.getEndedAt() + ", kept " + months + " months): " + purged.posts() + " posts, "
                    + purged.drafts() + " drafts, notes of " + purged.sessions() + " sessions");
            done.add(purged);
        }
        return done;
    }

    // ---- the one home of "where does this person sit" -----------------------------------------------------

    /** Where the account sits in the session; for anyone without a seat the session does not exist. */
    Phase.Seat seat(Account account, BalintSession session) {
        BalintGroup group = session.getGroup();
        if (account.getSchool() == null || !account.getSchool().equals(group.getSchool())) {
            throw new NotFoundException("balint session " + session.getId());
        }
        BalintMembership membership = group.isLedBy(account) ? null : membership(group.getId(), account.getId());
        return session.seatOf(account, membership != null && membership.isActive());
    }

    private BalintGroup manageable(Account staff, long groupId) {
        BalintGroup group = em.find(BalintGroup.class, groupId);
        boolean may = group != null && staff.getSchool() != null && staff.getSchool().equals(group.getSchool())
                && (group.isLedBy(staff) || staff.getRole() == Role.SCHOOL_ADMIN);
        if (!may) {
            throw new NotFoundException("balint group " + groupId);
        }
        return group;
    }

    private BalintSession find(long sessionId) {
        BalintSession session = em.find(BalintSession.class, sessionId);
        if (session == null) {
            throw new NotFoundException("balint session " + sessionId);
        }
        return session;
    }

    private BalintPost post(long postId) {
        BalintPost post = em.find(BalintPost.class, postId);
        if (post == null) {
            throw new NotFoundException("balint post " + postId);
        }
        return post;
    }

    private BalintMembership membership(long groupId, long accountId) {
        return em.createNamedQuery("BalintMembership.of", BalintMembership.class).setParameter("group", groupId)
                .setParameter("account", accountId).getResultStream().findFirst().orElse(null);
    }

    private BalintDraft draft(BalintSession session, Account author) {
        return em.createNamedQuery("BalintDraft.of", BalintDraft.class).setParameter("session", session.getId())
                .setParameter("author", author.getId()).getResultStream().findFirst().orElse(null);
    }

    private List<MemberRow> members(BalintGroup group) {
        return em.createQuery("select new org.securebase.application.balint.BalintViews$MemberRow(a.id, "
                + "a.displayName, m.acceptedAt, m.leftAt) from BalintMembership m join m.account a "
                + "where m.group = :group order by a.displayName", MemberRow.class).setParameter("group", group)
                .getResultList();
    }
}
