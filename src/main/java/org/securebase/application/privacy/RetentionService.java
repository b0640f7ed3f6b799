package org.securebase.application.privacy;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.privacy.RetentionPolicy;
import org.securebase.domain.privacy.RetentionRun;
import org.securebase.domain.school.Programme;
import org.securebase.domain.school.School;

/**
 * Each school's retention: how long its trainees' reflections are kept after their programme ends (and the setting
 * for Balint texts, which the Balint groups read through {@link RetentionSweep}). A student's reflections are due
 * once every programme of every cohort they are in has ended and the period has passed since the last of them; a
 * student in a cohort without a programme or without an end date keeps them. {@link RetentionTimer} runs this
 * nightly; the administrator sees what is due next and every run.
 */
@Stateless
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Event<RetentionSweep> sweeping;

    /** A student whose reflections will go, how many, and from which day. */
    public record Due(long studentId, String student, long reflections, LocalDate deleteFrom) {
        public boolean isPast(LocalDate today) {
            return !today.isBefore(deleteFrom);
        }
    }

    /** The school's policy (a new, empty one if never set). */
    public RetentionPolicy policy(Account admin) {
        return policyOf(requireAdmin(admin));
    }

    private RetentionPolicy policyOf(School school) {
        return em.createNamedQuery("RetentionPolicy.ofSchool", RetentionPolicy.class).setParameter("school", school)
                .getResultStream().findFirst().orElseGet(() -> new RetentionPolicy(school, clock.instant()));
    }

    public void keep(Account admin, Integer reflectionDays, Integer balintDays) {
        RetentionPolicy policy = policy(admin);
        policy.keep(reflectionDays, balintDays, clock.instant());
        if (!em.contains(policy)) {
            em.persist(policy);
        }
    }

    /** Sets the day a programme of the administrator's school ends (null clears it). */
    public void programmeEnds(Account admin, long programmeId, LocalDate day) {
        School school = requireAdmin(admin);
        Programme programme = em.find(Programme.class, programmeId);
        if (programme == null || !programme.getSchool().equals(school)) {
            throw new NotFoundException("programme " + programmeId);
        }
        programme.endsOn(day);
    }

    /** The school's programmes with their end days, by name. */
    public List<Programme> programmes(Account admin) {
        return em.createQuery("select p from Programme p where p.school = :school order by p.name", Programme.class)
                .setParameter("school", requireAdmin(admin)).getResultList();
    }

    /** What retention will delete, soonest first: every student of the school with reflections and a known day. */
    public List<Due> upcoming(Account admin) {
        return due(requireAdmin(admin));
    }

    public List<RetentionRun> runs(Account admin) {
        return em.createNamedQuery("RetentionRun.ofSchool", RetentionRun.class)
                .setParameter("school", requireAdmin(admin)).setMaxResults(20).getResultList();
    }

    /** Runs retention for the administrator's school now (as the timer does each night). */
    public RetentionRun runNow(Account admin) {
        return run(requireAdmin(admin));
    }

    /** The schools with a reflection or Balint period set: what the timer visits. */
    public List<Long> schoolsWithPolicy() {
        return em.createQuery("select p.school.id from RetentionPolicy p where p.reflectionDays is not null "
                + "or p.balintDays is not null", Long.class).getResultList();
    }

    /** One school's run, in its own transaction. */
    public RetentionRun run(long schoolId) {
        School school = em.find(School.class, schoolId);
        return school == null ? null : run(school);
    }

    private RetentionRun run(School school) {
        LocalDate today = today();
        Sql sql = new Sql(em);
        int deleted = 0;
        StringBuilder detail = new StringBuilder();
        for (Due due : due(school)) {
            if (due.isPast(today)) {
                int n = ReflectionRows.deleteOf(sql, due.studentId()).reflections();
                deleted += n;
                detail.append(detail.length() == 0 ? "" : "; ").append(due.student()).append(": ").append(n)
                        .append(" (").append(due.deleteFrom()).append(')');
            }
        }
        RetentionSweep sweep = new RetentionSweep(school, policyOf(school), clock.instant());
        sweeping.fire(sweep);
        RetentionRun run = new RetentionRun(school, clock.instant(), deleted, sweep.balintDeleted(),
                detail.toString());
        em.persist(run);
        int reflections = deleted;
        LOG.info(() -> "Retention for school " + school.getId() + ": deleted " + reflections + " reflections and "
                + sweep.balintDeleted() + " Balint texts" + (detail.length() == 0 ? "" : " (" + detail + ")"));
        return run;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private List<Due> due(School school) {
        Optional<Integer> days = policyOf(school).reflectionDays();
        if (days.isEmpty()) {
            return List.of();
        }
        Sql sql = new Sql(em);
        List<Map<String, Object>> rows = sql.rows("a.id, a.display_name, p.ends_on",
                "from cohort_member m join cohort c on c.id = m.cohort_id join account a on a.id = m.account_id "
                        + "left join programme p on p.id = c.programme_id where c.school_id = ?1 and a.school_id = ?1 "
                        + "and exists (select 1 from reflection r where r.student_id = a.id)",
                school.getId());
        Map<Long, LocalDate> last = new LinkedHashMap<>();
        Map<Long, String> names = new HashMap<>();
        List<Long> kept = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("id")).longValue();
            names.put(id, (String) row.get("displayName"));
            LocalDate end = (LocalDate) row.get("endsOn");
            if (end == null) {
                kept.add(id);
            } else {
                last.merge(id, end, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        kept.forEach(last::remove);
        List<Due> due = new ArrayList<>();
        for (Map.Entry<Long, LocalDate> e : last.entrySet()) {
            long count = sql.count("from reflection where student_id = ?1", e.getKey());
            due.add(new Due(e.getKey(), names.get(e.getKey()), count,
                    RetentionPolicy.deleteFrom(e.getValue(), days.get())));
        }
        due.sort(Comparator.comparing(Due::deleteFrom).thenComparing(Due::student));
        return due;
    }

    private static School requireAdmin(Account admin) {
        if (!admin.administersASchool()) {
            throw new NotFoundException("retention for " + admin.getRole());
        }
        return admin.getSchool();
    }
}
