package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.review.Notification;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.ModuleProgress;
import org.securebase.domain.reflection.DraftAnswer;
import org.securebase.domain.reflection.Reflection;
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
    private ModuleCatalog catalog;

    @jakarta.ejb.EJB
    private CaseService cases;

    @Inject
    private Clock clock;

    @jakarta.ejb.EJB
    private ReviewService reviews;

    @jakarta.ejb.EJB
    private NotificationService notifications;

    @jakarta.ejb.EJB
    private org.securebase.application.lti.GradeService grades;

    @jakarta.ejb.EJB
    private org.securebase.application.xapi.XapiService xapi;

    /** The saved state of one draft: what the browser needs to continue. */
    public record Saved(long reflectionId, String promptId, long revision, java.time.Instant savedAt) {
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
            grades.queue(student, slug, null, null, "Submitted", "PendingManual");
            xapi.record(student, org.securebase.application.xapi.XapiService.Verb.SUBMITTED, "/modules/" + slug
                    + "/reflection", definition(reflection).title(),
                    org.securebase.application.xapi.XapiService.completion());
            String subject = student.getDisplayName() + ": " + definition(reflection).title();
            for (Account tutor : em.createQuery("select distinct t from Cohort c join c.members s join c.members t "
                    + "where s.id = :student and t.role = :tutor", Account.class)
                    .setParameter("student", student.getId()).setParameter("tutor", Role.TUTOR).getResultList()) {
                notifications.notify(tutor, Notification.Kind.WORK_AWAITS, reflection, subject);
            }
        }
        em.flush();
        return version;
    }

    /** A reflection by id, only if the caller wrote it. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Reflection getOwn(Account student, long id) {
        Reflection reflection = em.find(Reflection.class, id);
        if (reflection == null || !reflection.isOwnedBy(student)) {
            throw new NotFoundException("reflection " + id);
        }
        reflection.getVersions().forEach(v -> v.getAnswers().size());
        return reflection;
    }

    public ModuleDefinition definition(Reflection reflection) {
        return catalog.definition(reflection.getContentVersion());
    }

    private Optional<Reflection> findOwn(Account student, String slug) {
        return em.createNamedQuery("Reflection.byStudentAndSlug", Reflection.class)
                .setParameter("student", student).setParameter("slug", slug).getResultStream().findFirst();
    }

    /** A reflection answers the module version the student is reading. */
    private Reflection create(Account student, String slug) {
        ModuleProgress progress = cases.progress(student, slug)
                .orElseThrow(() -> new NotFoundException("module " + slug + " not opened"));
        if (!progress.isComplete(catalog.definition(progress.getContentVersion()))) {
            throw new BusinessException("reflection.readFirst", "case not read to the end");
        }
        Reflection reflection = new Reflection(student, progress.getContentVersion(), clock.instant());
        em.persist(reflection);
        return reflection;
    }
}
