package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.curriculum.PlanExtension;
import org.securebase.domain.curriculum.PlanReminder;
import org.securebase.domain.curriculum.PlanStep;
import org.securebase.domain.instrument.SelfRating;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.reflection.ReflectionStatus;
import org.securebase.domain.review.Notification;
import org.securebase.domain.school.Cohort;

/**
 * Reminds each trainee, once, of a step of their cohort's plan falling due within {@code plan.reminder.hours}
 * (48 by default) that they have not done: in the app and by mail (through the durable outbox). A trainee with
 * an extension is reminded before their own due date instead of the cohort's; one whose extension is given,
 * changed or withdrawn after a reminder is reminded once more before the date that now holds. Each step is
 * handled in its own transaction with its row locked, so two servers never remind the same person twice.
 */
@Stateless
public class PlanReminders {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private MailOutbox mail;

    @Inject
    private PageLinks links;

    @Inject
    private CohortPlanService plans;

    @Inject
    @ConfigProperty(name = "plan.reminder.hours", defaultValue = "48")
    private int hours;

    /** Steps released and falling due within the reminder window, for the cohort or for an extended student. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> dueSoon() {
        Instant now = clock.instant();
        Instant to = now.plus(Duration.ofHours(hours));
        Set<Long> steps = new LinkedHashSet<>(em.createNamedQuery("PlanStep.dueBetween", Long.class)
                .setParameter("from", now).setParameter("to", to).getResultList());
        steps.addAll(em.createNamedQuery("PlanExtension.stepsDueBetween", Long.class).setParameter("from", now)
                .setParameter("to", to).getResultList());
        return List.copyOf(steps);
    }

    /**
     * Reminds the step's students who have neither done it nor been reminded of the date that holds for them;
     * returns how many were.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int remind(long stepId) {
        PlanStep step = em.find(PlanStep.class, stepId, LockModeType.PESSIMISTIC_WRITE);
        if (step == null) {
            return 0;
        }
        Cohort cohort = step.getCohort();
        Optional<CurriculumDefinition> curriculum = plans.curriculumOf(cohort);
        String title;
        List<Account> students;
        Instant now = clock.instant();
        Instant to = now.plus(Duration.ofHours(hours));
        boolean cohortDue = step.getDueAt() != null && step.getDueAt().isAfter(now) && !step.getDueAt().isAfter(to);
        // A student with an extension is reminded before their own date, never before the cohort's.
        String base = "select m from Cohort c join c.members m where c.id = :cohort and m.role = :student "
                + "and " + PlanReminder.NOT_REMINDED + " "
                + "and " + (cohortDue ? "(not " + PlanExtension.EXTENDED + " or " : "(")
                + PlanExtension.EXTENDED_DUE_BETWEEN + ") ";
        if (step.module().isPresent()) {
            String slug = step.module().get();
            Optional<ModuleDefinition> module = catalog.findCurrentModule(slug, cohort.getSchool())
                    .map(catalog::module);
            if (module.isEmpty()) {
                return 0;
            }
            title = module.get().title();
            students = em.createQuery(base + "and not exists (select r from Reflection r where r.student = m "
                    + "and r.slug = :slug and r.status <> :draft)", Account.class).setParameter("slug", slug)
                    .setParameter("draft", ReflectionStatus.DRAFT).setParameter("cohort", cohort.getId())
                    .setParameter("student", Role.STUDENT).setParameter("step", stepId).setParameter("from", now)
                    .setParameter("to", to).getResultList();
        } else {
            Optional<CurriculumDefinition.Milestone> milestone = curriculum.stream()
                    .flatMap(c -> c.milestones().stream()).filter(m -> m.id().equals(step.milestone().get()))
                    .findFirst();
            if (milestone.isEmpty()) {
                return 0;
            }
            title = milestone.get().title();
            students = em.createQuery(base + "and (select count(r) from SelfRating r where r.student = m "
                    + "and r.curriculum = :curriculum and r.milestone = :milestone and r.perspective = :now "
                    + "and r.status = :submitted) < :needed", Account.class)
                    .setParameter("curriculum", curriculum.get().slug()).setParameter("milestone", milestone.get().id())
                    .setParameter("now", SelfRating.Perspective.NOW).setParameter("submitted",
                            SelfRating.Status.SUBMITTED)
                    .setParameter("needed", (long) milestone.get().instruments().size())
                    .setParameter("cohort", cohort.getId()).setParameter("student", Role.STUDENT)
                    .setParameter("step", stepId).setParameter("from", now).setParameter("to", to).getResultList();
        }
        String path = links.planStepPath(step.module().orElse(null), curriculum.map(CurriculumDefinition::slug)
                .orElse(null), step.milestone().orElse(null));
        Map<Long, Instant> extended = plans.extensions(stepId, students.stream().map(Account::getId).toList());
        Map<Long, PlanReminder> earlier = new HashMap<>();
        if (!students.isEmpty()) {
            em.createQuery("select p from PlanReminder p where p.step = :step and p.account in :students",
                    PlanReminder.class).setParameter("step", stepId)
                    .setParameter("students", students.stream().map(Account::getId).toList()).getResultStream()
                    .forEach(p -> earlier.put(p.getAccount(), p));
        }
        for (Account student : students) {
            if (earlier.containsKey(student.getId())) {
                earlier.get(student.getId()).remindedAgain(now);
            } else {
                em.persist(new PlanReminder(stepId, student.getId(), now));
            }
            em.persist(Notification.dueSoon(student, title, path, now));
            String due = MailTexts.when(student, step.dueFor(extended.get(student.getId())));
            mail.queue(student.getEmail(), MailTexts.text(student, "mail.DUE_SOON.subject", title, due),
                    MailTexts.text(student, "mail.DUE_SOON.body", student.getDisplayName(), title, due,
                            links.absolute(path)));
        }
        return students.size();
    }
}
