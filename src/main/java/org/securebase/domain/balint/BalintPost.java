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
 * What someone wrote in a session, in the phase it was written in. Posts are not edited; the leader may hide one,
 * with a reason its author is shown. The text of a hidden post is read again only by its author, or by the leader
 * on purpose (and that reading is written down).
 */
@Entity
@Table(name = "balint_post")
public class BalintPost {

    public static final int TEXT_MAX = 20000;
    public static final int REASON_MAX = 500;

    @Id
    @SequenceGenerator(name = "balint_post_seq", sequenceName = "balint_post_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "balint_post_seq")
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private BalintSession session;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Account author;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Phase phase;

    @Column(nullable = false, length = TEXT_MAX)
    private String text;

    /** The leader's closing note. */
    @Column(nullable = false)
    private boolean closing;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "hidden_at")
    private Instant hiddenAt;

    @Column(name = "hidden_reason", length = REASON_MAX)
    private String hiddenReason;

    protected BalintPost() {
    }

    BalintPost(BalintSession session, Account author, Phase phase, String text, boolean closing, Instant now) {
        this.session = session;
        this.author = author;
        this.phase = phase;
        this.text = text;
        this.closing = closing;
        this.createdAt = now;
    }

    static String checked(String text) {
        if (text == null || text.isBlank()) {
            throw BalintException.empty();
        }
        if (text.length() > TEXT_MAX) {
            throw BalintException.tooLong(TEXT_MAX);
        }
        return text.strip();
    }

    /** The leader hides the post; the reason is shown to its author. */
    public void hide(Phase.Seat seat, String reason, Instant now) {
        if (seat != Phase.Seat.LEADER) {
            throw BalintException.onlyLeader();
        }
        if (reason == null || reason.isBlank()) {
            throw new BalintException("balint.error.reason", "a reason is needed");
        }
        if (reason.strip().length() > REASON_MAX) {
            throw BalintException.tooLong(REASON_MAX);
        }
        hiddenAt = now;
        hiddenReason = reason.strip();
    }

    public boolean isHidden() {
        return hiddenAt != null;
    }

    public Long getId() {
        return id;
    }

    public BalintSession getSession() {
        return session;
    }

    public Account getAuthor() {
        return author;
    }

    public Phase getPhase() {
        return phase;
    }

    public String getText() {
        return text;
    }

    public boolean isClosing() {
        return closing;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getHiddenReason() {
        return hiddenReason;
    }
}
