package org.securebase.domain.reflection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The working text of one prompt, autosaved as the trainee types. Every save raises its revision, and a save
 * must name the revision it was based on, so two tabs (or a stale tab after a restart) cannot silently overwrite
 * each other. The JPA version guards the same rule against two saves racing in the database.
 */
@Entity
@Table(name = "draft_answer")
public class DraftAnswer {

    @Id
    @SequenceGenerator(name = "draft_answer_seq", sequenceName = "draft_answer_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "draft_answer_seq")
    private Long id;

    @Version
    private long version;

    @Column(nullable = false)
    private long revision;

    @ManyToOne(optional = false)
    private Reflection reflection;

    @Column(name = "prompt_id", nullable = false, length = 100)
    private String promptId;

    @Column(name = "answer_text", nullable = false, length = Reflection.TEXT_MAX)
    private String text;

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    protected DraftAnswer() {
    }

    DraftAnswer(Reflection reflection, String promptId, String text, Instant now) {
        this.reflection = reflection;
        this.promptId = promptId;
        this.text = text;
        this.savedAt = now;
        this.revision = 1;
    }

    void replace(String text, Instant now) {
        this.text = text;
        this.savedAt = now;
        this.revision++;
    }

    public String getPromptId() {
        return promptId;
    }

    public String getText() {
        return text;
    }

    public Instant getSavedAt() {
        return savedAt;
    }

    /** 1 after the first save, one more after each later save. */
    public long getRevision() {
        return revision;
    }
}
