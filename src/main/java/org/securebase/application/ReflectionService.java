package org.securebase.application;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.ModuleProgress;
import org.securebase.domain.reflection.DraftAnswer;
import org.securebase.domain.reflection.Reflection;
import org.securebase.domain.reflection.ReflectionSubmitted;
import org.securebase.domain.reflection.ReflectionVersion;

/**
 * A student's reflections: autosaving drafts, submitting, reading back. A student only ever reaches their own;
 * asking for anyone else's answers "not found", so ids reveal nothing.
 */
@Stateless
public class ReflectionService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private FirstTime firstTime;

    @Inject
    private CaseService cases;

    @Inject
    private Clock clock;

    @Inject
    private ReviewService reviews;

    /** Grades, xAPI and notifications follow a submission as observers, in this transaction. */
    @Inject
    private Event<ReflectionSubmitted> submitted;

    /** The saved state of one draft: what the browser needs to continue. */
    public record Saved(long reflectionId, String promptId, long revision, Instant savedAt) {
    }

    public Saved saveDraft(Account student, String slug, String promptId, String text, long expectedRevision) {
        Reflection reflection = findOwn(student, slug).orElseGet(() -> create(student, slug));
        DraftAnswer draft = reflection.saveDraft(definition(reflection), promptId, text, expectedRevision,
                clock.instant());
        em.flush();
        return new Saved(reflection.getId(), promptId, draft.getRevision(), draft.getSavedAt());
    }

    /**
     * Submits the student's reflection on a module; submitting twice returns the one submission. A new version
     * gets its review, and the tutors of the student's cohorts are told it awaits them.
     */
    public ReflectionVersion submit(Account student, String slug) {
        Reflection reflection = findOwn(student, slug)
                .orElseThrow(() -> new BusinessException("reflection.nothingToSubmit", "no drafts for " + slug));
        int before = reflection.getVersions().size();
        ReflectionVersion version = reflection.submit(definition(reflection), clock.instant());
        if (reflection.getVersions().size() > before) {
            em.flush();
            reviews.createFor(version);
            submitted.fire(new ReflectionSubmitted(student, reflection, version,
                    definition(reflection).title()));
        }
        em.flush();
        return version;
    }

    /** A reflection by id, only if the caller wrote it. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Reflection getOwn(Account student, long id) {
        Reflection reflection = em.createNamedQuery("Reflection.withVersions", Reflection.class).setParameter("id", id)
                .setHint(Fetch.JOIN, "r.versions").setHint(Fetch.BATCH, "r.versions.answers")
                .getResultStream().findFirst().orElse(null);
        if (reflection == null || !reflection.isOwnedBy(student)) {
            throw new NotFoundException("reflection " + id);
        }
        return reflection;
    }

    public ModuleDefinition definition(Reflection reflection) {
        return catalog.module(reflection.getContentVersion());
    }

    private Optional<Reflection> findOwn(Account student, String slug) {
        return em.createNamedQuery("Reflection.byStudentAndSlug", Reflection.class)
                .setParameter("student", student).setParameter("slug", slug).getResultStream().findFirst();
    }

    /** A reflection answers the module version the student is reading. */
    private Reflection create(Account student, String slug) {
        ModuleProgress progress = cases.progress(student, slug)
                .orElseThrow(() -> new NotFoundException("module " + slug + " not opened"));
        if (!progress.isComplete(catalog.module(progress.getContentVersion()))) {
            throw new BusinessException("reflection.readFirst", "case not read to the end");
        }
        long version = progress.getContentVersion().getId();
        try {
            firstTime.create(() -> em.persist(new Reflection(em.getReference(Account.class, student.getId()),
                    catalog.version(version), clock.instant())));
        } catch (EJBException madeAtTheSameMoment) {
            // The student's other answer, saved at the same moment, made it first: theirs is the one.
        }
        return findOwn(student, slug).orElseThrow(() -> new NotFoundException("reflection on " + slug));
    }
}
