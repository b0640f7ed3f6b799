package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.curriculum.NotReleased;
import org.securebase.domain.curriculum.PlanExtension;
import org.securebase.domain.curriculum.PlanStep;
import org.securebase.domain.curriculum.PlanStep.Standing;
import org.securebase.domain.instrument.SelfRating;
import org.securebase.domain.module.ContentVersion;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.school.Cohort;

/**
 * A cohort's plan: the steps of its curriculum and modules of either library in the cohort's own order, with
 * release and due dates; where its trainees stand against those dates. The school's administrators and authors
 * edit it; the cohort's tutors read its progress. A trainee's work belongs to the module, never to the step.
 */
@Stateless
public class CohortPlanService {

    /** One step as the plan page shows it. */
    public record StepRow(long id, String kind, String key, String title, boolean shared, Instant release,
            Instant due, boolean missing, List<Choice> instruments, boolean own) {

        public StepRow(long id, String kind, String key, String title, boolean shared, Instant release, Instant due,
                boolean missing) {
            this(id, kind, key, title, shared, release, due, missing, List.of(), false);
        }
    }

    /** Something that can be added to the plan: a module (of which library) or a milestone. */
    public record Choice(String key, String title, boolean shared) {
    }

    /** The plan of a cohort, with what may be added and whether the reader may change it. */
    public record Plan(long cohortId, String cohortName, String curriculumTitle, List<StepRow> steps,
            List<Choice> modules, List<Choice> milestones, List<Choice> instruments, boolean editable,
            List<CohortChoice> copyable) {
    }

    /** Another cohort of the same programme whose plan this one can start from. */
    public record CohortChoice(long id, String name) {
    }

    /** One step's progress across the cohort's students. */
    public record StepProgress(long stepId, String title, Instant due, boolean pastDue, long students, long onTime,
            long late, long inProgress, long notStarted) {
    }

    /** One student's standing with one step; {@code extendedDue} is their own due date, null without one. */
    public record StudentStanding(long accountId, String name, Standing standing, Instant doneAt,
            Instant extendedDue) {
    }

    /** A student's current extension of one step, as staff see it (with the reason). */
    public record ExtensionRow(long id, long stepId, String step, long accountId, String student, Instant stepDue,
            Instant due, String reason, Instant grantedAt) {
    }

    /** A student of the cohort, for choosing whom to extend. */
    public record StudentChoice(long accountId, String name) {
    }

    /** A page of students' standings, with how many students there are in all. */
    public record StandingPage(StepRow step, List<StudentStanding> rows, long total) {
    }

    /** A release and due date for a step (either may be empty). */
    public record Dates(Instant release, Instant due) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CohortService cohorts;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private Clock clock;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Plan plan(Account staff, long cohortId, Locale reader) {
        Cohort cohort = cohorts.requireVisible(staff, cohortId);
        Optional<CurriculumDefinition> curriculum = curriculumOf(cohort).map(c -> catalog.inLanguage(c, reader));
        Map<String, ContentVersion> modules = modulesOf(cohort);
        List<PlanStep> steps = steps(cohortId);
        List<ContentVersion> usable = catalog.instrumentsFor(cohort.getSchool());
        Map<String, String> instrumentTitles = usable.stream().collect(Collectors.toMap(ContentVersion::getSlug,
                ContentVersion::getTitle, (a, b) -> a, java.util.LinkedHashMap::new));
        List<StepRow> rows = steps.stream().map(s -> row(s, modules, curriculum, reader, instrumentTitles)).toList();
        Set<String> inPlan = steps.stream().map(s -> s.module().orElse("#" + s.milestone().orElse(""))).collect(
                Collectors.toSet());
        List<Choice> addable = modules.values().stream().filter(v -> !inPlan.contains(v.getSlug()))
                .map(v -> new Choice(v.getSlug(), title(v, reader), v.isShared())).toList();
        List<Choice> milestones = curriculum.map(CurriculumDefinition::milestones).orElse(List.of()).stream()
                .filter(m -> !inPlan.contains("#" + m.id())).map(m -> new Choice(m.id(), m.title(), true)).toList();
        List<Choice> instruments = usable.stream().map(v -> new Choice(v.getSlug(), v.getTitle(), v.isShared()))
                .toList();
        return new Plan(cohortId, cohort.getName(), curriculum.map(CurriculumDefinition::title).orElse(null), rows,
                addable, milestones, instruments, mayEdit(staff), steps.isEmpty() ? copyable(cohort) : List.of());
    }

    /** The other cohorts of the cohort's programme that have a plan, by name (none outside a programme). */
    private List<CohortChoice> copyable(Cohort cohort) {
        if (cohort.getProgramme() == null) {
            return List.of();
        }
        return em.createQuery("select new org.securebase.application.CohortPlanService.CohortChoice(c.id, c.name) "
                + "from Cohort c where c.programme = :programme and c.id <> :cohort and exists "
                + "(select s from PlanStep s where s.cohort = c) order by c.name, c.id", CohortChoice.class)
                .setParameter("programme", cohort.getProgramme()).setParameter("cohort", cohort.getId())
                .getResultList();
    }

    /**
     * Starts the cohort's (empty) plan as a copy of another cohort's of the same programme: its steps in order, with
     * their dates, own milestones and added instruments; none of the other cohort's extensions. A cohort of another
     * programme or school is not found.
     */
    public void copyFrom(Account staff, long cohortId, long fromCohortId) {
        Cohort cohort = requireEditable(staff, cohortId);
        Cohort from = cohorts.requireVisible(staff, fromCohortId);
        if (cohort.getProgramme() == null || from.getProgramme() == null
                || !cohort.getProgramme().getId().equals(from.getProgramme().getId()) || cohortId == fromCohortId) {
            throw new NotFoundException("plan of cohort " + fromCohortId + " for cohort " + cohortId);
        }
        if (!steps(cohortId).isEmpty()) {
            throw new BusinessException("plan.copy.notEmpty", "cohort " + cohortId + " has a plan");
        }
        List<PlanStep> source = steps(fromCohortId);
        if (source.isEmpty()) {
            throw new BusinessException("plan.nothingToStart", "cohort " + fromCohortId + " has no plan");
        }
        Set<String> known = modulesOf(cohort).keySet();
        int position = 0;
        for (PlanStep step : source) {
            if (step.module().isEmpty() || known.contains(step.module().get())) {
                PlanStep copy = step.copyFor(cohort);
                copy.moveTo(position++);
                em.persist(copy);
            }
        }
    }

    /**
     * Places a milestone of the plan's own at the end of the plan, with a title and (added next) instruments; its id
     * is made from the title, unique among the curriculum's and the plan's milestones.
     */
    public void addOwnMilestone(Account staff, long cohortId, String title) {
        Cohort cohort = requireEditable(staff, cohortId);
        List<PlanStep> steps = steps(cohortId);
        Set<String> taken = new HashSet<>();
        curriculumOf(cohort).ifPresent(c -> c.milestones().forEach(m -> taken.add(m.id())));
        steps.forEach(s -> s.milestone().ifPresent(taken::add));
        String base = java.text.Normalizer.normalize(title == null ? "" : title, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        base = "own-" + (base.isEmpty() ? "milestone" : base.substring(0, Math.min(base.length(), 60)));
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        em.persist(PlanStep.ownMilestone(cohort, steps.size(), id, title));
    }

    /** Starts the cohort's plan from its curriculum's steps, in their order and without dates. */
    public void startFromCurriculum(Account staff, long cohortId) {
        Cohort cohort = requireEditable(staff, cohortId);
        if (!steps(cohortId).isEmpty()) {
            return;
        }
        Set<String> known = modulesOf(cohort).keySet();
        int position = 0;
        for (CurriculumDefinition.Step step : curriculumOf(cohort).map(CurriculumDefinition::steps)
                .orElse(List.of())) {
            if (step instanceof CurriculumDefinition.ModuleStep m && known.contains(m.module())) {
                em.persist(PlanStep.module(cohort, position++, m.module()));
            } else if (step instanceof CurriculumDefinition.Milestone ms) {
                em.persist(PlanStep.milestone(cohort, position++, ms.id()));
            }
        }
        if (position == 0) {
            throw new BusinessException("plan.nothingToStart", "cohort " + cohortId + " has an empty curriculum");
        }
    }

    /** Adds a module of the shared or the school's library at the end of the plan. */
    public void addModule(Account staff, long cohortId, String slug) {
        Cohort cohort = requireEditable(staff, cohortId);
        if (!modulesOf(cohort).containsKey(slug)) {
            throw new NotFoundException("module " + slug);
        }
        List<PlanStep> steps = steps(cohortId);
        if (steps.stream().anyMatch(s -> s.module().filter(slug::equals).isPresent())) {
            throw new BusinessException("plan.alreadyInPlan", slug);
        }
        em.persist(PlanStep.module(cohort, steps.size(), slug));
    }

    /** Adds a milestone of the cohort's curriculum at the end of the plan. */
    public void addMilestone(Account staff, long cohortId, String id) {
        Cohort cohort = requireEditable(staff, cohortId);
        if (curriculumOf(cohort).stream().flatMap(c -> c.milestones().stream()).noneMatch(m -> m.id().equals(id))) {
            throw new NotFoundException("milestone " + id);
        }
        List<PlanStep> steps = steps(cohortId);
        if (steps.stream().anyMatch(s -> s.milestone().filter(id::equals).isPresent())) {
            throw new BusinessException("plan.alreadyInPlan", id);
        }
        em.persist(PlanStep.milestone(cohort, steps.size(), id));
    }

    /**
     * Asks a milestone's students to rate one more instrument, of the shared library or the school's own (published
     * in its studio), as well as the curriculum's; another school's instrument is not found.
     */
    public void addInstrument(Account staff, long cohortId, long stepId, String slug) {
        Cohort cohort = requireEditable(staff, cohortId);
        if (catalog.instrumentsFor(cohort.getSchool()).stream().noneMatch(v -> v.getSlug().equals(slug))) {
            throw new NotFoundException("instrument " + slug);
        }
        find(steps(cohortId), stepId).addInstrument(slug);
    }

    /** Takes an added instrument off a milestone; the ratings students gave stay theirs. */
    public void removeInstrument(Account staff, long cohortId, long stepId, String slug) {
        requireEditable(staff, cohortId);
        find(steps(cohortId), stepId).removeInstrument(slug);
    }

    /** Moves a step to another place (0 first); the others close up around it. */
    public void move(Account staff, long cohortId, long stepId, int to) {
        requireEditable(staff, cohortId);
        List<PlanStep> steps = new ArrayList<>(steps(cohortId));
        PlanStep step = find(steps, stepId);
        steps.remove(step);
        steps.add(Math.max(0, Math.min(to, steps.size())), step);
        renumber(steps);
    }

    /**
     * Takes a step out of the plan; what trainees wrote for it stays theirs, listed as their other work. A milestone
     * of the plan's own that students have rated at stays: their ratings are shown at it.
     */
    public void remove(Account staff, long cohortId, long stepId) {
        Cohort cohort = requireEditable(staff, cohortId);
        List<PlanStep> steps = new ArrayList<>(steps(cohortId));
        PlanStep step = find(steps, stepId);
        if (step.ownTitle().isPresent() && ratedAt(cohort, step.milestone().orElseThrow()) > 0) {
            throw new BusinessException("plan.own.rated", "milestone " + step.milestone().get() + " has ratings");
        }
        steps.remove(step);
        em.remove(step);
        renumber(steps);
    }

    /** Sets the dates of several steps at once; all or none (a due date before its release refuses the lot). */
    public void schedule(Account staff, long cohortId, Map<Long, Dates> dates) {
        requireEditable(staff, cohortId);
        List<PlanStep> steps = steps(cohortId);
        for (Map.Entry<Long, Dates> e : dates.entrySet()) {
            find(steps, e.getKey()).schedule(e.getValue().release(), e.getValue().due());
        }
    }

    /**
     * Each step's progress across the cohort's students, each counted on time or late against their own due date
     * (an extension's, else the step's): a fixed number of queries whatever the cohort's size.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<StepProgress> progress(Account staff, long cohortId, Locale reader) {
        Cohort cohort = cohorts.requireVisible(staff, cohortId);
        Instant now = clock.instant();
        long students = em.createNamedQuery("Cohort.countWithRole", Long.class).setParameter("cohort", cohortId)
                .setParameter("role", Role.STUDENT).getSingleResult();
        // Each student's first submission against their own date (an extension's, else the step's): all done,
        // then those late, one grouped query each.
        String submitted = " from PlanStep s, Reflection r join r.versions v where s.cohort.id = :cohort "
                + "and r.slug = s.module and v.number = 1 and r.student.id in (select m.id from Cohort c "
                + "join c.members m where c.id = :cohort and m.role = :student)";
        Map<Long, long[]> done = new HashMap<>();
        for (Object[] r : em.createQuery("select s.id, count(v)" + submitted + " group by s.id", Object[].class)
                .setParameter("cohort", cohortId).setParameter("student", Role.STUDENT).getResultList()) {
            done.put((Long) r[0], new long[] {((Number) r[1]).longValue(), 0});
        }
        for (Object[] r : em.createQuery("select s.id, count(v)" + submitted + " and "
                + PlanExtension.lateFor("r.student.id", "v.submittedAt") + " group by s.id", Object[].class)
                .setParameter("cohort", cohortId).setParameter("student", Role.STUDENT).getResultList()) {
            long[] d = done.get((Long) r[0]);
            d[1] = ((Number) r[1]).longValue();
            d[0] -= d[1];
        }
        Map<Long, Long> started = new HashMap<>();
        for (Object[] r : em.createQuery("select s.id, count(p) from PlanStep s, ModuleProgress p "
                + "where s.cohort.id = :cohort and p.slug = s.module and p.student.id in (select m.id from Cohort c "
                + "join c.members m where c.id = :cohort and m.role = :student) group by s.id", Object[].class)
                .setParameter("cohort", cohortId).setParameter("student", Role.STUDENT).getResultList()) {
            started.put((Long) r[0], (Long) r[1]);
        }
        Optional<CurriculumDefinition> curriculum = curriculumOf(cohort);
        Map<String, Map<Long, Instant>> milestoneDone = new HashMap<>();
        Map<String, Long> milestoneStarted = new HashMap<>();
        if (curriculum.isPresent()) {
            Map<String, Integer> needed = curriculum.get().milestones().stream()
                    .collect(Collectors.toMap(CurriculumDefinition.Milestone::id, m -> m.instruments().size()));
            for (Object[] r : em.createQuery("select r.milestone, r.student.id, sum(case when r.status = :submitted "
                    + "and r.perspective = :now then 1 else 0 end), max(r.submittedAt) from SelfRating r "
                    + "where r.curriculum = :curriculum and r.student.id in (select m.id from Cohort c "
                    + "join c.members m where c.id = :cohort and m.role = :student) group by r.milestone, r.student.id",
                    Object[].class).setParameter("submitted", SelfRating.Status.SUBMITTED)
                    .setParameter("now", SelfRating.Perspective.NOW).setParameter("curriculum", curriculum.get().slug())
                    .setParameter("cohort", cohortId).setParameter("student", Role.STUDENT).getResultList()) {
                String milestone = (String) r[0];
                milestoneStarted.merge(milestone, 1L, Long::sum);
                if (((Number) r[2]).longValue() >= needed.getOrDefault(milestone, Integer.MAX_VALUE)) {
                    milestoneDone.computeIfAbsent(milestone, k -> new HashMap<>()).put((Long) r[1],
                            org.securebase.domain.InstantConverter.of(r[3]));
                }
            }
        }
        // The milestones' students are counted here, each against their own date: the cohort's current
        // extensions in one query.
        Map<Long, Map<Long, Instant>> extended = new HashMap<>();
        if (!milestoneDone.isEmpty()) {
            em.createNamedQuery("PlanExtension.currentOfCohort", PlanExtension.class).setParameter("cohort", cohortId)
                    .getResultStream().forEach(e -> extended.computeIfAbsent(e.getStep(), k -> new HashMap<>())
                            .put(e.getAccount(), e.getDueAt()));
        }
        Optional<CurriculumDefinition> translated = curriculum.map(c -> catalog.inLanguage(c, reader));
        Map<String, ContentVersion> modules = modulesOf(cohort);
        List<StepProgress> out = new ArrayList<>();
        for (PlanStep s : steps(cohortId)) {
            long onTime;
            long late;
            long begun;
            if (s.module().isPresent()) {
                long[] d = done.getOrDefault(s.getId(), new long[2]);
                onTime = d[0];
                late = d[1];
                begun = Math.max(started.getOrDefault(s.getId(), 0L), onTime + late);
            } else {
                Map<Long, Instant> times = milestoneDone.getOrDefault(s.milestone().get(), Map.of());
                Map<Long, Instant> own = extended.getOrDefault(s.getId(), Map.of());
                late = times.entrySet().stream().filter(t -> t.getValue() != null
                        && s.dueFor(own.get(t.getKey())) != null && t.getValue().isAfter(s.dueFor(own.get(t.getKey()))))
                        .count();
                onTime = times.size() - late;
                begun = milestoneStarted.getOrDefault(s.milestone().get(), 0L);
            }
            out.add(new StepProgress(s.getId(), row(s, modules, translated, reader).title(), s.getDueAt(),
                    s.getDueAt() != null && now.isAfter(s.getDueAt()), students, onTime, late,
                    begun - onTime - late, students - begun));
        }
        return out;
    }

    /** A page of the cohort's students (by name) with their standing on one step: four queries a page. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public StandingPage standings(Account staff, long cohortId, long stepId, int first, int max, Locale reader) {
        Cohort cohort = cohorts.requireVisible(staff, cohortId);
        PlanStep step = find(steps(cohortId), stepId);
        long total = em.createNamedQuery("Cohort.countWithRole", Long.class).setParameter("cohort", cohortId)
                .setParameter("role", Role.STUDENT).getSingleResult();
        List<Account> page = em.createNamedQuery("Cohort.membersWithRole", Account.class)
                .setParameter("cohort", cohortId).setParameter("role", Role.STUDENT).setFirstResult(first)
                .setMaxResults(max).getResultList();
        List<Long> ids = page.stream().map(Account::getId).toList();
        Map<Long, Instant> doneAt = new HashMap<>();
        Set<Long> begun = new HashSet<>();
        Optional<CurriculumDefinition> curriculum = curriculumOf(cohort);
        if (!ids.isEmpty() && step.module().isPresent()) {
            for (Object[] r : em.createQuery("select r.student.id, v.submittedAt from Reflection r join r.versions v "
                    + "where r.slug = :slug and v.number = 1 and r.student.id in :ids", Object[].class)
                    .setParameter("slug", step.module().get()).setParameter("ids", ids).getResultList()) {
                doneAt.put((Long) r[0], org.securebase.domain.InstantConverter.of(r[1]));
            }
            begun.addAll(em.createQuery("select p.student.id from ModuleProgress p where p.slug = :slug "
                    + "and p.student.id in :ids", Long.class).setParameter("slug", step.module().get())
                    .setParameter("ids", ids).getResultList());
        } else if (!ids.isEmpty() && curriculum.isPresent()) {
            int needed = curriculum.get().milestones().stream().filter(m -> m.id().equals(step.milestone().get()))
                    .findFirst().map(m -> m.instruments().size()).orElse(Integer.MAX_VALUE);
            for (Object[] r : em.createQuery("select r.student.id, sum(case when r.status = :submitted "
                    + "and r.perspective = :now then 1 else 0 end), max(r.submittedAt) from SelfRating r "
                    + "where r.curriculum = :curriculum and r.milestone = :milestone and r.student.id in :ids "
                    + "group by r.student.id", Object[].class).setParameter("submitted", SelfRating.Status.SUBMITTED)
                    .setParameter("now", SelfRating.Perspective.NOW).setParameter("curriculum", curriculum.get().slug())
                    .setParameter("milestone", step.milestone().get()).setParameter("ids", ids).getResultList()) {
                begun.add((Long) r[0]);
                if (((Number) r[1]).longValue() >= needed) {
                    doneAt.put((Long) r[0], org.securebase.domain.InstantConverter.of(r[2]));
                }
            }
        }
        Instant now = clock.instant();
        Map<Long, Instant> extended = extensions(stepId, ids);
        List<StudentStanding> rows = page.stream().map(a -> new StudentStanding(a.getId(), a.getDisplayName(),
                step.standing(now, doneAt.get(a.getId()), begun.contains(a.getId()), extended.get(a.getId())),
                doneAt.get(a.getId()), extended.get(a.getId()))).toList();
        return new StandingPage(row(step, modulesOf(cohort), curriculum.map(c -> catalog.inLanguage(c, reader)),
                reader), rows, total);
    }

    /**
     * Gives one student of the cohort a later due date for one step, with a reason staff alone see. Any member of
     * staff who can see the cohort may: its school's administrator and its tutors. A change is a new row.
     */
    public void extend(Account staff, long cohortId, long stepId, long studentId, Instant due, String reason) {
        Cohort cohort = cohorts.requireVisible(staff, cohortId);
        PlanStep step = em.find(PlanStep.class, stepId);
        if (step == null || !cohort.getSchool().equals(step.getCohort().getSchool())) {
            throw new NotFoundException("plan step " + stepId);
        }
        em.persist(PlanExtension.grant(step, cohort, studentId, isStudentOf(cohortId, studentId), due, reason,
                staff.getId(), clock.instant()));
    }

    /** Withdraws a student's extension of a step: a row without a date, so the cohort's date holds again. */
    public void withdrawExtension(Account staff, long cohortId, long stepId, long studentId) {
        cohorts.requireVisible(staff, cohortId);
        PlanStep step = find(steps(cohortId), stepId);
        if (!extensions(stepId, List.of(studentId)).containsKey(studentId)) {
            throw new NotFoundException("extension of step " + stepId + " for " + studentId);
        }
        em.persist(PlanExtension.withdraw(step, studentId, null, staff.getId(), clock.instant()));
    }

    /** The cohort's current extensions, for staff: two queries. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ExtensionRow> extensions(Account staff, long cohortId, Locale reader) {
        Cohort cohort = cohorts.requireVisible(staff, cohortId);
        List<PlanExtension> current = em.createNamedQuery("PlanExtension.currentOfCohort", PlanExtension.class)
                .setParameter("cohort", cohortId).getResultList();
        if (current.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = new HashMap<>();
        for (Object[] r : em.createQuery("select a.id, a.displayName from Account a where a.id in :ids",
                Object[].class).setParameter("ids",
                        current.stream().map(PlanExtension::getAccount).distinct()
                                .toList())
                .getResultList()) {
            names.put((Long) r[0], (String) r[1]);
        }
        Map<String, ContentVersion> modules = modulesOf(cohort);
        Optional<CurriculumDefinition> curriculum = curriculumOf(cohort).map(c -> catalog.inLanguage(c, reader));
        Map<Long, PlanStep> steps = steps(cohortId).stream().collect(Collectors.toMap(PlanStep::getId,
                Function.identity()));
        return current.stream().filter(e -> steps.containsKey(e.getStep())).map(e -> {
            PlanStep s = steps.get(e.getStep());
            return new ExtensionRow(e.getId(), s.getId(), row(s, modules, curriculum, reader).title(),
                    e.getAccount(), names.get(e.getAccount()), s.getDueAt(), e.getDueAt(), e.getReason(),
                    e.getGrantedAt());
        }).toList();
    }

    /** The cohort's students by name, for choosing whom to extend. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<StudentChoice> students(Account staff, long cohortId) {
        cohorts.requireVisible(staff, cohortId);
        return em.createNamedQuery("Cohort.membersWithRole", Account.class).setParameter("cohort", cohortId)
                .setParameter("role", Role.STUDENT).getResultStream()
                .map(a -> new StudentChoice(a.getId(), a.getDisplayName())).toList();
    }

    /** The current extended due dates of one step for some students, by account id: one query. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Long, Instant> extensions(long stepId, List<Long> students) {
        Map<Long, Instant> out = new HashMap<>();
        if (!students.isEmpty()) {
            em.createNamedQuery("PlanExtension.currentOfStep", PlanExtension.class).setParameter("step", stepId)
                    .setParameter("students", students).getResultStream().filter(e -> e.getDueAt() != null)
                    .forEach(e -> out.put(e.getAccount(), e.getDueAt()));
        }
        return out;
    }

    /** One student's current extended due dates, by step id: one query. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Long, Instant> extensionsOf(long studentId, List<Long> steps) {
        Map<Long, Instant> out = new HashMap<>();
        if (!steps.isEmpty()) {
            em.createNamedQuery("PlanExtension.currentOfStudent", PlanExtension.class)
                    .setParameter("student", studentId).setParameter("steps", steps).getResultStream()
                    .filter(e -> e.getDueAt() != null).forEach(e -> out.put(e.getStep(), e.getDueAt()));
        }
        return out;
    }

    private boolean isStudentOf(long cohortId, long studentId) {
        return em.createQuery("select count(m) from Cohort c join c.members m where c.id = :cohort "
                + "and m.id = :student and m.role = :role", Long.class).setParameter("cohort", cohortId)
                .setParameter("student", studentId).setParameter("role", Role.STUDENT).getSingleResult() > 0;
    }

    /**
     * The cohort whose plan a student follows: the oldest of theirs that has one. Empty: no plan, the curriculum
     * as it ships.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Cohort> planCohortOf(Account student) {
        return em.createNamedQuery("PlanStep.cohortOfStudent", Long.class).setParameter("student", student.getId())
                .setMaxResults(1).getResultStream().findFirst().map(id -> em.find(Cohort.class, id));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<PlanStep> steps(long cohortId) {
        // The milestones' added instruments in one more query, not one per step.
        return em.createNamedQuery("PlanStep.ofCohort", PlanStep.class).setParameter("cohort", cohortId)
                .setHint(Fetch.BATCH, "s.instruments").getResultList();
    }

    /** Refuses to open a module of the student's plan before its release date. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void requireReleased(Account student, String slug) {
        requireReleased(student, s -> s.module().filter(slug::equals).isPresent(), slug);
    }

    /** Refuses to open a milestone of the student's plan before its release date. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void requireMilestoneReleased(Account student, String curriculum, String milestone) {
        planCohortOf(student).filter(c -> curriculumOf(c).map(CurriculumDefinition::slug).filter(curriculum::equals)
                .isPresent()).ifPresent(c -> requireReleased(student,
                        s -> s.milestone().filter(milestone::equals).isPresent(), milestone));
    }

    private void requireReleased(Account student, java.util.function.Predicate<PlanStep> which, String what) {
        Instant now = clock.instant();
        planCohortOf(student).flatMap(c -> steps(c.getId()).stream().filter(which).findFirst())
                .filter(s -> !s.isReleased(now)).ifPresent(s -> {
                    throw new NotReleased(what, s.getReleaseAt());
                });
    }

    /**
     * The curriculum a cohort follows, with the instruments its plan's milestones add and the milestones its plan
     * places itself, each after the step it follows in the plan.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<CurriculumDefinition> curriculumOf(Cohort cohort) {
        Optional<CurriculumDefinition> curriculum = cohort.curriculum().flatMap(catalog::findCurriculum)
                .or(catalog::defaultCurriculum);
        if (curriculum.isEmpty()) {
            return curriculum;
        }
        Set<String> keys = curriculum.get().steps().stream().map(CurriculumDefinition::key).collect(
                Collectors.toSet());
        Map<String, List<String>> added = new java.util.HashMap<>();
        List<CurriculumDefinition.Placed> own = new ArrayList<>();
        String after = null;
        for (PlanStep step : steps(cohort.getId())) {
            String key = step.module().map(m -> "module:" + m).orElse("milestone:" + step.milestone().orElse(""));
            if (step.ownTitle().isPresent()) {
                own.add(new CurriculumDefinition.Placed(after, new CurriculumDefinition.Milestone(
                        step.milestone().orElseThrow(), step.ownTitle().get(), step.instruments(), false)));
                after = key;
            } else {
                step.milestone().filter(m -> !step.instruments().isEmpty())
                        .ifPresent(m -> added.put(m, step.instruments()));
                if (keys.contains(key)) {
                    after = key;
                }
            }
        }
        return curriculum.map(c -> c.withInstruments(added).withOwnMilestones(own));
    }

    /** How many ratings the cohort's students have begun or given at a milestone of its curriculum. */
    private long ratedAt(Cohort cohort, String milestone) {
        String curriculum = curriculumOf(cohort).map(CurriculumDefinition::slug).orElse("");
        return em.createQuery("select count(r) from SelfRating r where r.curriculum = :curriculum "
                + "and r.milestone = :milestone and r.student in (select m from Cohort c join c.members m "
                + "where c.id = :cohort)", Long.class).setParameter("curriculum", curriculum)
                .setParameter("milestone", milestone).setParameter("cohort", cohort.getId()).getSingleResult();
    }

    /**
     * The curriculum {@code slug} as the student meets it: with their plan's added instruments when their plan's
     * cohort follows it, else as it ships.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<CurriculumDefinition> curriculumFor(Account student, String slug) {
        return planCohortOf(student).flatMap(this::curriculumOf).filter(c -> c.slug().equals(slug))
                .or(() -> catalog.findCurriculum(slug));
    }

    /** Whether the member of staff may change plans: the school's administrator, or a tutor with the author right. */
    public static boolean mayEdit(Account staff) {
        return staff.mayAuthor();
    }

    private Cohort requireEditable(Account staff, long cohortId) {
        Cohort cohort = cohorts.requireVisible(staff, cohortId);
        if (!mayEdit(staff)) {
            throw new NotFoundException("plan of cohort " + cohortId);
        }
        return cohort;
    }

    private Map<String, ContentVersion> modulesOf(Cohort cohort) {
        return catalog.currentModules(cohort.getSchool()).stream()
                .collect(Collectors.toMap(ContentVersion::getSlug, Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    private StepRow row(PlanStep s, Map<String, ContentVersion> modules, Optional<CurriculumDefinition> curriculum,
            Locale reader) {
        return row(s, modules, curriculum, reader, Map.of());
    }

    private StepRow row(PlanStep s, Map<String, ContentVersion> modules, Optional<CurriculumDefinition> curriculum,
            Locale reader, Map<String, String> instrumentTitles) {
        if (s.module().isPresent()) {
            ContentVersion v = modules.get(s.module().get());
            return new StepRow(s.getId(), "module", s.module().get(), v == null ? s.module().get() : title(v, reader),
                    v == null || v.isShared(), s.getReleaseAt(), s.getDueAt(), v == null);
        }
        Optional<CurriculumDefinition.Milestone> m = curriculum.stream().flatMap(c -> c.milestones().stream())
                .filter(x -> x.id().equals(s.milestone().get())).findFirst();
        List<Choice> added = s.instruments().stream()
                .map(i -> new Choice(i, instrumentTitles.getOrDefault(i, i), false)).toList();
        String title = s.ownTitle().or(() -> m.map(CurriculumDefinition.Milestone::title))
                .orElse(s.milestone().get());
        return new StepRow(s.getId(), "milestone", s.milestone().get(), title, s.ownTitle().isEmpty(),
                s.getReleaseAt(), s.getDueAt(), m.isEmpty() && s.ownTitle().isEmpty(), added, s.ownTitle().isPresent());
    }

    private String title(ContentVersion v, Locale reader) {
        return catalog.moduleTranslation(v, reader).map(ModuleDefinition::title).orElse(v.getTitle());
    }

    private static PlanStep find(List<PlanStep> steps, long stepId) {
        return steps.stream().filter(s -> s.getId() == stepId).findFirst()
                .orElseThrow(() -> new NotFoundException("plan step " + stepId));
    }

    private static void renumber(List<PlanStep> steps) {
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).moveTo(i);
        }
    }
}
