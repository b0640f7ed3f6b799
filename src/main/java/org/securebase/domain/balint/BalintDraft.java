package org.securebase.domain.balint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.securebase.domain.account.Account;

/**
 * What someone is writing in a session and has not posted yet, saved as they type (as reflection drafts are).
 * Each save names the revision it was based on, so a save from a stale tab is refused, never silently applied.
 */
@Entity
@Table(name = "balint_draft")
@NamedQuery(name = "BalintDraft.of", query = "select d from BalintDraft d where d.session.id = :session "
        + "and d.author.id = :author")
public class BalintDraft {

    @Id
    @SequenceGenerator(name = "balint_draft_seq", sequenceName = "balint_draft_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "balint_draft_seq")
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private BalintSession session;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Account author;

    @Column(nullable = false, length = BalintPost.TEXT_MAX)
    private String text = "";

    @Column(nullable = false)
    private long revision;

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    protected BalintDraft() {
    }

    public BalintDraft(BalintSession session, Account author, Instant now) {
        this.session = session;
        this.author = author;
        this.savedAt = now;
    }

    /** Saves the text if the writer saw the latest revision; the new revision. */
    public long save(String newText, long basedOn, Instant now) {
        if (basedOn != revision) {
            throw new BalintException.Conflict(text, revision, savedAt);
        }
        if (newText != null && newText.length() > BalintPost.TEXT_MAX) {
            throw BalintException.tooLong(BalintPost.TEXT_MAX);
        }
        text = newText == null ? "" : newText;
        revision++;
        savedAt = now;
        return revision;
    }

    public String getText() {
        return text;
    }

    public long getRevision() {
        return revision;
    }

    public Instant getSavedAt() {
        return savedAt;
    }
}
