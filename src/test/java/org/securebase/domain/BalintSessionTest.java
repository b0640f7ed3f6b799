package org.securebase.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.balint.BalintDraft;
import org.securebase.domain.balint.BalintException;
import org.securebase.domain.balint.BalintGroup;
import org.securebase.domain.balint.BalintMembership;
import org.securebase.domain.balint.BalintPost;
import org.securebase.domain.balint.BalintSession;
import org.securebase.domain.balint.Phase;
import org.securebase.domain.balint.Phase.Seat;
import org.securebase.domain.school.School;

/** The phase rules of a Balint session, without a database: who may write in which phase, and closing. */
class BalintSessionTest {

    private static final Instant OPENS = Fixtures.T0;
    private static final Instant DURING = OPENS.plus(Duration.ofHours(1));

    private final Account leader = withId(new Account("lead@x", "Leader", Role.TUTOR, null, "h", OPENS), 1L);
    private final Account presenter = withId(Fixtures.student("p@x"), 2L);
    private final Account member = withId(Fixtures.student("m@x"), 3L);
    private final Account outsider = withId(Fixtures.student("o@x"), 4L);
    private BalintSession session;

    static Account withId(Account account, long id) {
        try {
            Field f = Account.class.getDeclaredField("id");
            f.setAccessible(true);
            f.set(account, id);
            return account;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void setUp() {
        BalintGroup group = new BalintGroup(new School("S", OPENS), "Group", leader, null, null, OPENS);
        session = new BalintSession(group, 1, OPENS, OPENS.plus(Duration.ofDays(7)));
    }

    private Seat seat(Account a) {
        return session.seatOf(a, a != leader && a != outsider);
    }

    private void toPhase(Phase phase) {
        session.choosePresenter(Seat.LEADER, leader, presenter);
        while (session.getPhase() != phase) {
            session.advance(Seat.LEADER, DURING);
        }
    }

    @Test
    void seatsAreTheLeaderThePresenterAndTheMembersAndNobodyElse() {
        session.choosePresenter(Seat.LEADER, leader, presenter);
        assertEquals(Seat.LEADER, seat(leader));
        assertEquals(Seat.PRESENTER, seat(presenter));
        assertEquals(Seat.MEMBER, seat(member));
        assertThrows(NotFoundException.class, () -> seat(outsider));
        // A presenter who has left the group is nobody.
        assertThrows(NotFoundException.class, () -> session.seatOf(presenter, false));
    }

    @Test
    void onlyThePresenterWritesTheCase() {
        session.choosePresenter(Seat.LEADER, leader, presenter);
        BalintPost post = session.post(presenter, Seat.PRESENTER, "  A man in his fifties...  ", DURING);
        assertEquals(Phase.CASE, post.getPhase());
        assertEquals("A man in his fifties...", post.getText());
        assertThrows(BalintException.NotYourTurn.class, () -> session.post(member, Seat.MEMBER, "x", DURING));
        assertThrows(BalintException.NotYourTurn.class, () -> session.post(leader, Seat.LEADER, "x", DURING));
    }

    @Test
    void everyoneAsksAndAnswersQuestionsOfFact() {
        toPhase(Phase.QUESTIONS);
        for (Account a : new Account[] {leader, presenter, member}) {
            assertEquals(Phase.QUESTIONS, session.post(a, seat(a), "How old?", DURING).getPhase());
        }
    }

    @Test
    void thePresenterSitsBackWhileTheGroupWorks() {
        toPhase(Phase.GROUP_WORK);
        assertFalse(session.mayPost(Seat.PRESENTER, DURING));
        assertThrows(BalintException.NotYourTurn.class,
                () -> session.post(presenter, Seat.PRESENTER, "But I did ask her!", DURING));
        assertTrue(session.mayPost(Seat.MEMBER, DURING));
        assertEquals(Phase.GROUP_WORK, session.post(member, Seat.MEMBER, "I felt pushed away", DURING).getPhase());
        assertEquals(Phase.GROUP_WORK, session.post(leader, Seat.LEADER, "What about the wife?", DURING).getPhase());
    }

    @Test
    void thePresenterReturnsAndMembersListen() {
        toPhase(Phase.RESPONSE);
        assertEquals(Phase.RESPONSE, session.post(presenter, Seat.PRESENTER, "I recognise that", DURING).getPhase());
        assertThrows(BalintException.NotYourTurn.class, () -> session.post(member, Seat.MEMBER, "x", DURING));
    }

    @Test
    void theLeadersClosingNoteMakesTheSessionReadOnly() {
        toPhase(Phase.CLOSE);
        assertThrows(BalintException.NotYourTurn.class, () -> session.post(member, Seat.MEMBER, "x", DURING));
        assertThrows(BalintException.class, () -> session.advance(Seat.LEADER, DURING), "no phase after close");
        BalintPost note = session.post(leader, Seat.LEADER, "Thank you all.", DURING);
        assertTrue(note.isClosing());
        assertTrue(session.isClosed());
        for (Account a : new Account[] {leader, presenter, member}) {
            assertFalse(session.mayPost(seat(a), DURING));
            assertThrows(BalintException.Closed.class, () -> session.post(a, seat(a), "more", DURING));
        }
        assertThrows(BalintException.Closed.class, () -> session.advance(Seat.LEADER, DURING));
        assertThrows(BalintException.Closed.class, () -> session.choosePresenter(Seat.LEADER, leader, member));
    }

    @Test
    void onlyTheLeaderMovesPhasesAndNotPastAnUntoldCase() {
        assertThrows(BalintException.class, () -> session.advance(Seat.LEADER, DURING), "nobody presents yet");
        session.choosePresenter(Seat.MEMBER, presenter, presenter);
        assertThrows(BalintException.class, () -> session.advance(Seat.MEMBER, DURING));
        assertThrows(BalintException.class, () -> session.advance(Seat.PRESENTER, DURING));
        assertEquals(Phase.QUESTIONS, session.advance(Seat.LEADER, DURING));
        assertEquals(DURING, session.getPhaseOpenedAt());
    }

    @Test
    void aMemberVolunteersOnlyForThemselvesAndOnlyWhileNobodyPresents() {
        assertThrows(BalintException.class, () -> session.choosePresenter(Seat.MEMBER, member, presenter));
        session.choosePresenter(Seat.MEMBER, presenter, presenter);
        assertThrows(BalintException.class, () -> session.choosePresenter(Seat.MEMBER, member, member));
        assertEquals(presenter, session.getPresenter());
        session.advance(Seat.LEADER, DURING);
        assertThrows(BalintException.class, () -> session.choosePresenter(Seat.LEADER, leader, member));
    }

    @Test
    void nothingIsPostedBeforeTheSessionOpensNorEmptyNorTooLong() {
        session.choosePresenter(Seat.LEADER, leader, presenter);
        assertThrows(BalintException.NotOpen.class,
                () -> session.post(presenter, Seat.PRESENTER, "early", OPENS.minusSeconds(1)));
        assertThrows(BalintException.class, () -> session.post(presenter, Seat.PRESENTER, "  ", DURING));
        assertThrows(BalintException.class,
                () -> session.post(presenter, Seat.PRESENTER, "x".repeat(BalintPost.TEXT_MAX + 1), DURING));
    }

    @Test
    void onlyTheLeaderHidesAPostAndGivesAReason() {
        toPhase(Phase.GROUP_WORK);
        BalintPost post = session.post(member, Seat.MEMBER, "He should see a psychiatrist", DURING);
        assertThrows(BalintException.class, () -> post.hide(Seat.MEMBER, "advice", DURING));
        assertThrows(BalintException.class, () -> post.hide(Seat.LEADER, " ", DURING));
        post.hide(Seat.LEADER, "Advice rather than what the case stirs", DURING);
        assertTrue(post.isHidden());
        assertEquals("Advice rather than what the case stirs", post.getHiddenReason());
    }

    @Test
    void theProcessNoteIsTheLeadersAlone() {
        assertThrows(BalintException.class, () -> session.writeProcessNote(Seat.MEMBER, "x"));
        session.writeProcessNote(Seat.LEADER, "Quiet group today");
        assertEquals("Quiet group today", session.getProcessNote());
    }

    @Test
    void aDraftSaveFromAStaleTabIsRefused() {
        BalintDraft draft = new BalintDraft(session, member, OPENS);
        assertEquals(1, draft.save("first", 0, DURING));
        BalintException.Conflict conflict = assertThrows(BalintException.Conflict.class,
                () -> draft.save("stale", 0, DURING));
        assertEquals("first", conflict.currentText());
        assertEquals(2, draft.save("second", 1, DURING));
    }

    @Test
    void groupsHaveFourToTwelveMembers() {
        assertThrows(BalintException.class, () -> BalintGroup.checkSize(3));
        BalintGroup.checkSize(4);
        BalintGroup.checkSize(12);
        assertThrows(BalintException.class, () -> BalintGroup.checkSize(13));
    }

    @Test
    void aMemberReadsOnlyAfterAcceptingAndNotAfterLeaving() {
        BalintMembership m = new BalintMembership(session.getGroup(), member, OPENS);
        assertFalse(m.isActive());
        m.accept(DURING);
        assertTrue(m.isActive());
        m.leave(DURING, true);
        assertFalse(m.isActive());
        assertTrue(m.isAnonymousAfterLeaving());
        assertThrows(BalintException.class, () -> m.accept(DURING));
    }

    @Test
    void textIsDueForDeletionExactlyWhenTheRetentionPeriodHasPassed() {
        BalintGroup group = session.getGroup();
        Instant ended = Instant.parse("2025-03-31T12:00:00Z");
        assertFalse(group.isPastRetention(12, ended.plus(Duration.ofDays(9999))), "still running");
        group.end(ended);
        assertEquals(Instant.parse("2026-03-31T12:00:00Z"), group.textExpiresAt(12).orElseThrow());
        assertFalse(group.isPastRetention(12, Instant.parse("2026-03-31T11:59:59Z")));
        assertTrue(group.isPastRetention(12, Instant.parse("2026-03-31T12:00:00Z")));
        assertFalse(group.isPastRetention(null, Instant.parse("2099-01-01T00:00:00Z")), "the school keeps text");
        group.textPurged(Instant.parse("2026-04-01T03:17:00Z"));
        assertFalse(group.isPastRetention(12, Instant.parse("2026-05-01T00:00:00Z")), "cleared once");
    }
}
