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
 * The working text of one prompt, autosaved as the trainee types. Its JPA version is the revision the browser
 * must name when it saves, so two tabs (or a stale tab after a restart) cannot silently overwrite each other.
 */
@Entity
@Table(name = "draft_answer")
public class DraftAnswer {

    @Id
    @SequenceGenerator(name = "draft_answer_seq", sequenceName = "draft_answer_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "draft_answer_seq")
    private Long id;

    @Version
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
    }

    void replace(String text, Instant now) {
        this.text = text;
        this.savedAt = now;
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

    /** 0 before the first save; the JPA version afterwards. */
    public long getRevision() {
        return revision;
    }
}
