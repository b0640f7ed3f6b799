package org.securebase.domain.balint;

/**
 * The five phases of a Balint session, in order. Who may write in each is the rule of {@link BalintSession#post}:
 * the case is the presenter's; questions of fact are everyone's; while the group works the presenter sits back
 * (reads, cannot post); then the presenter returns; the leader closes.
 */
public enum Phase {
    CASE, QUESTIONS, GROUP_WORK, RESPONSE, CLOSE;

    /** 1 to 5, as people count them. */
    public int number() {
        return ordinal() + 1;
    }

    public boolean isLast() {
        return this == CLOSE;
    }

    Phase next() {
        return values()[ordinal() + 1];
    }

    /** Whether someone in this seat may post in this phase. */
    public boolean allows(Seat seat) {
        return switch (this) {
            case CASE -> seat == Seat.PRESENTER;
            case QUESTIONS -> true;
            case GROUP_WORK -> seat != Seat.PRESENTER;
            case RESPONSE -> seat != Seat.MEMBER;
            case CLOSE -> seat == Seat.LEADER;
        };
    }

    /** Where someone sits in a session. */
    public enum Seat {
        LEADER, PRESENTER, MEMBER
    }
}
