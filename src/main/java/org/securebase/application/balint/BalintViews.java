package org.securebase.application.balint;

import java.time.Instant;
import java.util.List;
import org.securebase.domain.balint.Phase;

/** What the pages and the API show of Balint groups: small records, read by projection queries. */
public final class BalintViews {

    private BalintViews() {
    }

    /** A group in a list: the caller leads it, is a member, is invited, or (an administrator) sees it exists. */
    public record GroupRow(long id, String name, String leader, Long members, Instant endedAt) {
    }

    public record MemberRow(long accountId, String name, Instant acceptedAt, Instant leftAt) {

        public boolean active() {
            return acceptedAt != null && leftAt == null;
        }

        public boolean invited() {
            return acceptedAt == null && leftAt == null;
        }
    }

    public record SessionRow(long id, int number, Instant opensAt, Instant closesAt, Phase phase, Instant closedAt) {

        public boolean closed() {
            return closedAt != null;
        }
    }

    /** How the caller stands with a group. */
    public enum Standing {
        LEADER, MEMBER, INVITED, ADMINISTRATOR
    }

    /**
     * A group as the caller may see it. An administrator who is not its leader sees that it exists, its members
     * and its sessions' dates, never what was written; an invited person sees the agreement to accept.
     */
    public record GroupView(long id, String name, String leader, String cohort, Standing standing,
            String agreement, Instant endedAt, Instant textPurgedAt, List<MemberRow> members,
            List<SessionRow> sessions) {

        public boolean leads() {
            return standing == Standing.LEADER;
        }
    }

    /** One post as it is shown: the author's name is null for a former member who asked to be anonymous. */
    public record PostRow(long id, long authorId, String author, Phase phase, String text, boolean closing,
            Instant createdAt, Instant hiddenAt, String hiddenReason) {
    }

    /** A post for the reader: {@code text} is null when it is hidden from them. */
    public record PostView(long id, String author, boolean formerMember, boolean mine, Phase phase, String text,
            boolean closing, Instant createdAt, boolean hidden, String hiddenReason) {
    }

    public record Draft(String text, long revision, Instant savedAt) {
    }

    /** A session as one of its people sees it. */
    public record SessionView(long id, long groupId, String groupName, int number, Instant opensAt,
            Instant closesAt, Phase phase, Instant phaseOpenedAt, boolean closed, Phase.Seat seat,
            Long presenterId, String presenter, boolean mayPost, boolean mayVolunteer, List<PostView> posts,
            Draft draft, String processNote, List<MemberRow> members) {

        public boolean leads() {
            return seat == Phase.Seat.LEADER;
        }

        public boolean presents() {
            return seat == Phase.Seat.PRESENTER;
        }
    }

    /** What the retention rule deleted from one group. */
    /** An ended group whose session text the retention rule will delete, and when. */
    public record DueForDeletion(long groupId, String group, java.time.Instant endedAt, java.time.Instant deletedFrom) {
    }

    public record Purged(long groupId, String group, long posts, long drafts, long sessions) {
    }
}
