package org.securebase.domain.balint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.securebase.domain.account.Account;

/**
 * One meeting of a group, held in writing over days: opens and closes at set times and moves through the five
 * {@link Phase}s, which only the leader moves. The rules of who may write when live here, so that no page or API
 * can get round them. After the leader's closing note the session is read-only.
 */
@Entity
@Table(name = "balint_session")
public class BalintSession {

    public static final int NOTE_MAX = 20000;

    @Id
    @SequenceGenerator(name = "balint_session_seq", sequenceName = "balint_session_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "balint_session_seq")
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private BalintGroup group;

    /** 1, 2, 3 ... within the group. */
    @Column(nullable = false)
    private int number;

    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Phase phase = Phase.CASE;

    @Column(name = "phase_opened_at", nullable = false)
    private Instant phaseOpenedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    private Account presenter;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** The leader's own notes on the group's process: nobody else ever reads them. */
    @Column(name = "process_note", length = NOTE_MAX)
    private String processNote;

    protected BalintSession() {
    }

    public BalintSession(BalintGroup group, int number, Instant opensAt, Instant closesAt) {
        if (opensAt == null || closesAt == null || !closesAt.isAfter(opensAt)) {
            throw new BalintException("balint.error.times", "a session closes after it opens");
        }
        this.group = group;
        this.number = number;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.phaseOpenedAt = opensAt;
    }

    /**
     * Where the account sits in this session; {@code member} says whether they are a current member of the group
     * (the application knows the memberships). Nobody else has a seat: for them the session does not exist.
     */
    public Phase.Seat seatOf(Account account, boolean member) {
        if (group.isLedBy(account)) {
            return Phase.Seat.LEADER;
        }
        if (member && presenter != null && presenter.getId().equals(account.getId())) {
            return Phase.Seat.PRESENTER;
        }
        if (member) {
            return Phase.Seat.MEMBER;
        }
        throw new org.securebase.domain.NotFoundException("balint session " + id);
    }

    /** Whether the seat may post now (the page shows the composer only then; {@link #post} enforces it). */
    public boolean mayPost(Phase.Seat seat, Instant now) {
        return !isClosed() && !now.isBefore(opensAt) && phase.allows(seat);
    }

    /**
     * A post by someone seated in the session, in the current phase. In the closing phase the leader's post is
     * the closing note, and the session becomes read-only.
     */
    public BalintPost post(Account author, Phase.Seat seat, String text, Instant now) {
        if (isClosed()) {
            throw new BalintException.Closed();
        }
        if (now.isBefore(opensAt)) {
            throw new BalintException.NotOpen();
        }
        if (!phase.allows(seat)) {
            throw new BalintException.NotYourTurn(phase, seat);
        }
        String body = BalintPost.checked(text);
        boolean closing = phase == Phase.CLOSE;
        if (closing) {
            closedAt = now;
        }
        return new BalintPost(this, author, phase, body, closing, now);
    }

    /**
     * The leader opens the next phase. The case cannot be left before someone presents it; the closing phase has
     * no next one: the leader's closing note ends it.
     */
    public Phase advance(Phase.Seat seat, Instant now) {
        requireLeader(seat);
        if (isClosed()) {
            throw new BalintException.Closed();
        }
        if (phase.isLast()) {
            throw new BalintException("balint.error.lastPhase", "write the closing note to close");
        }
        if (phase == Phase.CASE && presenter == null) {
            throw new BalintException("balint.error.noPresenter", "nobody presents yet");
        }
        phase = phase.next();
        phaseOpenedAt = now;
        return phase;
    }

    /**
     * Who presents the case: the leader chooses a member, or a member volunteers themselves while nobody has, both
     * only while the case is still to be told.
     */
    public void choosePresenter(Phase.Seat seat, Account chooser, Account member) {
        if (isClosed()) {
            throw new BalintException.Closed();
        }
        if (phase != Phase.CASE) {
            throw new BalintException("balint.error.presenterFixed", "the case has been told");
        }
        boolean volunteering = seat != Phase.Seat.LEADER;
        if (volunteering && (presenter != null || !chooser.getId().equals(member.getId()))) {
            throw new BalintException("balint.error.presenterFixed", "someone presents already");
        }
        presenter = member;
    }

    /** The leader's private note on the session; the only text the leader may still change after closing. */
    public void writeProcessNote(Phase.Seat seat, String text) {
        requireLeader(seat);
        if (text != null && text.length() > NOTE_MAX) {
            throw BalintException.tooLong(NOTE_MAX);
        }
        processNote = text == null || text.isBlank() ? null : text;
    }

    /** Retention: the private note goes with the posts. */
    public void forgetText() {
        processNote = null;
    }

    private static void requireLeader(Phase.Seat seat) {
        if (seat != Phase.Seat.LEADER) {
            throw BalintException.onlyLeader();
        }
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    public Long getId() {
        return id;
    }

    public BalintGroup getGroup() {
        return group;
    }

    public int getNumber() {
        return number;
    }

    public Instant getOpensAt() {
        return opensAt;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public Phase getPhase() {
        return phase;
    }

    public Instant getPhaseOpenedAt() {
        return phaseOpenedAt;
    }

    public Account getPresenter() {
        return presenter;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getProcessNote() {
        return processNote;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof BalintSession other && id != null && id.equals(other.getId()));
    }

    @Override
    public int hashCode() {
        return BalintSession.class.hashCode();
    }
}
