package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.InstantConverter;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.curriculum.PlanExtension;
import org.securebase.domain.reflection.ReflectionStatus;
import org.securebase.domain.school.Cohort;

/**
 * A tutor's review queue: the submitted reflections of the students in the cohorts they tutor, filtered, ordered
 * and paged in the database.
 */
@Stateless
public class ReviewQueueService {

    /**
     * What the queue can be narrowed to; null fields do not filter. Dates are days in {@code zone}, the reader's
     * (a tutor in São Paulo asking for 1 March means from midnight there).
     */
    public record QueueFilter(String module, ReflectionStatus status, String student, LocalDate from, LocalDate to,
            ZoneId zone) {
    }

    /** A page of the queue; {@code more} when there are more than {@link #COUNT_CAP} in all. */
    public record QueuePage(List<ReviewQueueRow> rows, long total, boolean more) {
    }

    /** Counting stops here: "more than 1,000" is all a tutor needs, and it keeps every page equally fast. */
    public static final int COUNT_CAP = 1000;

    /** Students matched by a name filter, at most: a name narrows to a few people, not hundreds. */
    public static final int NAME_MATCHES_MAX = 200;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private Clock clock;

    /**
     * One page of the tutor's queue, oldest submission first, filtered, ordered and paged in the database. At
     * most three statements whatever the page or the data: the students a name matches (only when filtering by
     * name), the count up to {@value #COUNT_CAP}, and the page itself.
     */
    public QueuePage queue(Account tutor, QueueFilter filter, int first, int size) {
        ReviewService.requireTutor(tutor);
        StringBuilder where = new StringBuilder(" from Reflection r join r.student s join r.contentVersion v "
                + "where r.status in :statuses and s.id in (" + Cohort.STUDENTS_OF_TUTOR + ")");
        Map<String, Object> params = new HashMap<>();
        params.put("statuses", filter.status() == null ? ReviewService.REVIEWABLE : List.of(filter.status()));
        params.put("tutor", tutor.getId());
        params.put("student", Role.STUDENT);
        if (filter.module() != null && !filter.module().isBlank()) {
            where.append(" and r.slug = :slug");
            params.put("slug", filter.module());
        }
        if (filter.student() != null && !filter.student().isBlank()) {
            // The students first (a few among the tutor's own), then their reflections by the student index.
            List<Long> students = em.createQuery("select s.id from Account s where s.id in ("
                    + Cohort.STUDENTS_OF_TUTOR + ") and lower(s.displayName) like :name escape '\\'", Long.class)
                    .setParameter("tutor", tutor.getId()).setParameter("student", Role.STUDENT)
                    .setParameter("name", "%" + filter.student().strip().toLowerCase(Locale.ROOT)
                            .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                    .setMaxResults(NAME_MATCHES_MAX).getResultList();
            if (students.isEmpty()) {
                return new QueuePage(List.of(), 0, false);
            }
            where.append(" and s.id in :students");
            params.put("students", students);
        }
        ZoneId zone = filter.zone() == null ? clock.getZone() : filter.zone();
        if (filter.from() != null) {
            where.append(" and r.submittedAt >= :from");
            params.put("from", filter.from().atStartOfDay(zone).toInstant());
        }
        if (filter.to() != null) {
            where.append(" and r.submittedAt < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(zone).toInstant());
        }
        TypedQuery<Long> count = em.createQuery("select r.id" + where, Long.class);
        TypedQuery<ReviewQueueRow> page = em.createQuery("select new org.securebase.application.ReviewQueueRow("
                + "r.id, s.displayName, r.slug, v.title, r.status, r.submittedAt)" + where
                + " order by r.submittedAt, r.id", ReviewQueueRow.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            page.setParameter(k, v);
        });
        int counted = count.setMaxResults(COUNT_CAP + 1).getResultList().size();
        return new QueuePage(dated(page.setFirstResult(first).setMaxResults(size).getResultList()),
                Math.min(counted, COUNT_CAP), counted > COUNT_CAP);
    }

    /**
     * The page's rows with their due dates, where the module is a dated step of the student's plan (the oldest of
     * their cohorts that has one), the student's extension of it if they have one, and whether the first
     * submission was on time: two queries for the page (the steps, then those steps' extensions).
     */
    private List<ReviewQueueRow> dated(List<ReviewQueueRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Object[]> due = new HashMap<>();
        for (Object[] r : em.createQuery("select r.id, s.dueAt, v.submittedAt, s.id, r.student.id from Reflection r "
                + "join r.versions v, PlanStep s join s.cohort c join c.members m where r.id in :ids "
                + "and v.number = 1 and s.module = r.slug and m = r.student and s.dueAt is not null "
                + "order by c.createdAt, c.id", Object[].class)
                .setParameter("ids", rows.stream().map(ReviewQueueRow::reflectionId).toList()).getResultList()) {
            due.putIfAbsent((Long) r[0], r);
        }
        Map<List<Long>, Instant> extended = new HashMap<>();
        if (!due.isEmpty()) {
            em.createNamedQuery("PlanExtension.currentOfSteps", PlanExtension.class)
                    .setParameter("steps", due.values().stream().map(d -> (Long) d[3]).distinct().toList())
                    .setParameter("students", due.values().stream().map(d -> (Long) d[4]).distinct().toList())
                    .getResultStream().forEach(e -> extended.put(List.of(e.getStep(), e.getAccount()), e.getDueAt()));
        }
        return rows.stream().map(row -> {
            Object[] d = due.get(row.reflectionId());
            if (d == null) {
                return row;
            }
            Instant own = extended.get(List.of((Long) d[3], (Long) d[4]));
            return own != null ? row.dated(own, InstantConverter.of(d[2]), true)
                    : row.dated(InstantConverter.of(d[1]), InstantConverter.of(d[2]), false);
        }).toList();
    }

    /** The modules the queue can be filtered by: slug to title, by title. */
    public Map<String, String> queueModules(Account tutor) {
        ReviewService.requireTutor(tutor);
        Map<String, String> modules = new LinkedHashMap<>();
        catalog.currentModules(tutor.getSchool()).forEach(v -> modules.put(v.getSlug(), v.getTitle()));
        return modules;
    }

}
