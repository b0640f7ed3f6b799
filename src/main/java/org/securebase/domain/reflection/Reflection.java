package org.securebase.domain.reflection;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MapKey;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.securebase.domain.StudentModuleWork;
import org.securebase.domain.account.Account;
import org.securebase.domain.module.ContentVersion;
import org.securebase.domain.module.ModuleDefinition;

/**
 * A trainee's written reflection on one module: the drafts they are working on and every version they
 * submitted. The drafts change; submitted versions are appended and never altered.
 */
@Entity
@Table(name = "reflection")
@NamedQuery(name = "Reflection.byStudentAndSlug",
        query = "select r from Reflection r where r.student = :student and r.slug = :slug")
@NamedQuery(name = "Reflection.withStudent",
        query = "select r from Reflection r join fetch r.student where r.id = :id")
@NamedQuery(name = "Reflection.withVersions", query = "select r from Reflection r where r.id = :id")
@NamedQuery(name = "Reflection.statusByStudent",
        query = "select r.slug, r.status from Reflection r where r.student = :student")
public class Reflection extends StudentModuleWork {

    /** About 15,000 words: far beyond any real answer, small enough to keep a page fast. */
    public static final int TEXT_MAX = 100_000;

    @Id
    @SequenceGenerator(name = "reflection_seq", sequenceName = "reflection_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reflection_seq")
    private Long id;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReflectionStatus status = ReflectionStatus.DRAFT;

    @OneToMany(mappedBy = "reflection", cascade = CascadeType.ALL)
    @MapKey(name = "promptId")
    private Map<String, DraftAnswer> drafts = new HashMap<>();

    @OneToMany(mappedBy = "reflection", cascade = CascadeType.ALL)
    @OrderBy("number")
    private List<ReflectionVersion> versions = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    /** When the latest version was submitted: the review queue's order. */
    @Column(name = "submitted_at")
    private Instant submittedAt;

    protected Reflection() {
    }

    public Reflection(Account student, ContentVersion moduleVersion, Instant now) {
        super(student, moduleVersion);
        this.createdAt = now;
        this.modifiedAt = now;
    }

    /**
     * Saves the working text of one prompt.
     *
     * @param expectedRevision the revision the caller last saw: 0 when it saw no draft
     * @throws ReflectionException.Conflict when the draft changed since then
     */
    public DraftAnswer saveDraft(ModuleDefinition definition, String promptId, String text, long expectedRevision,
            Instant now) {
        if (!status.editable()) {
            throw new ReflectionException.AlreadySubmitted();
        }
        if (definition.prompt(promptId).isEmpty()) {
            throw new ReflectionException.UnknownPrompt(promptId);
        }
        String value = text == null ? "" : text;
        if (value.length() > TEXT_MAX) {
            throw new ReflectionException.TooLong(value.length());
        }
        DraftAnswer draft = drafts.get(promptId);
        long current = draft == null ? 0 : draft.getRevision();
        if (current != expectedRevision) {
            throw new ReflectionException.Conflict(draft == null ? "" : draft.getText(), current,
                    draft == null ? null : draft.getSavedAt());
        }
        if (draft == null) {
            draft = new DraftAnswer(this, promptId, value, now);
            drafts.put(promptId, draft);
        } else {
            draft.replace(value, now);
        }
        return draft;
    }

    /**
     * Freezes the drafts into a new version. Submitting again while already submitted returns the same version:
     * a double click makes one submission. A returned reflection is submitted again as its next version; an
     * accepted one is closed.
     */
    public ReflectionVersion submit(ModuleDefinition definition, Instant now) {
        if (status == ReflectionStatus.SUBMITTED) {
            return latestVersion().orElseThrow();
        }
        if (status == ReflectionStatus.ACCEPTED) {
            throw new ReflectionException.AlreadySubmitted();
        }
        List<String> tooShort = new ArrayList<>();
        Map<String, String> answers = new LinkedHashMap<>();
        for (ModuleDefinition.Prompt prompt : definition.prompts()) {
            String text = draftText(prompt.id()).strip();
            if (text.length() < Math.max(1, prompt.minLength())) {
                tooShort.add(prompt.id());
            }
            answers.put(prompt.id(), text);
        }
        if (!tooShort.isEmpty()) {
            throw new ReflectionException.TooShort(tooShort);
        }
        ReflectionVersion submitted = new ReflectionVersion(this, versions.size() + 1, answers, now);
        versions.add(submitted);
        status = ReflectionStatus.SUBMITTED;
        modifiedAt = now;
        submittedAt = now;
        return submitted;
    }

    /** A tutor's decision on the latest version: only a reflection awaiting review can be decided. */
    public void decide(boolean accept, Instant now) {
        if (status != ReflectionStatus.SUBMITTED) {
            throw new ReflectionException.NotAwaitingReview(status);
        }
        status = accept ? ReflectionStatus.ACCEPTED : ReflectionStatus.RETURNED;
        modifiedAt = now;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public long getVersion() {
        return version;
    }

    public String draftText(String promptId) {
        DraftAnswer draft = drafts.get(promptId);
        return draft == null ? "" : draft.getText();
    }

    public Optional<DraftAnswer> draft(String promptId) {
        return Optional.ofNullable(drafts.get(promptId));
    }

    public Optional<ReflectionVersion> latestVersion() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    public Long getId() {
        return id;
    }

    public ReflectionStatus getStatus() {
        return status;
    }

    public List<ReflectionVersion> getVersions() {
        return List.copyOf(versions);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Reflection other && id != null && id.equals(other.getId()));
    }

    @Override
    public int hashCode() {
        return Reflection.class.hashCode();
    }
}
