package org.securebase.domain.curriculum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.securebase.domain.BusinessException;
import org.securebase.domain.school.Cohort;

/**
 * One student's later due date for one step of their cohort's plan, given by staff with a reason that only staff
 * see. Rows are never changed: a new date is a new row, a withdrawal a row without a date, and the newest row of a
 * step and student is the one that holds.
 */
@Entity
@Table(name = "plan_extension")
@NamedQuery(name = "PlanExtension.currentOfStep", query = "select e from PlanExtension e where e.step = :step "
        + "and e.account in :students and e.id = (select max(x.id) from PlanExtension x where x.step = e.step "
        + "and x.account = e.account)")
@NamedQuery(name = "PlanExtension.currentOfSteps", query = "select e from PlanExtension e where e.step in :steps "
        + "and e.account in :students and e.dueAt is not null and e.id = (select max(x.id) from PlanExtension x "
        + "where x.step = e.step and x.account = e.account)")
@NamedQuery(name = "PlanExtension.currentOfStudent", query = "select e from PlanExtension e "
        + "where e.account = :student and e.step in :steps and e.id = (select max(x.id) from PlanExtension x "
        + "where x.step = e.step and x.account = e.account)")
@NamedQuery(name = "PlanExtension.currentOfCohort", query = "select e from PlanExtension e where e.step in "
        + "(select s.id from PlanStep s where s.cohort.id = :cohort) and e.dueAt is not null and e.id = "
        + "(select max(x.id) from PlanExtension x where x.step = e.step and x.account = e.account) order by e.id")
@NamedQuery(name = "PlanExtension.stepsDueBetween", query = "select distinct e.step from PlanExtension e "
        + "where e.dueAt > :from and e.dueAt <= :to and e.id = (select max(x.id) from PlanExtension x "
        + "where x.step = e.step and x.account = e.account) and exists (select s from PlanStep s "
        + "where s.id = e.step and (s.releaseAt is null or s.releaseAt <= :from))")
public class PlanExtension {

    /** A JPQL condition: student {@code m} has a current extension of step {@code :step}. */
    public static final String EXTENDED = "exists (select e from PlanExtension e where e.step = :step "
            + "and e.account = m.id and e.dueAt is not null and e.id = (select max(x.id) from PlanExtension x "
            + "where x.step = e.step and x.account = e.account))";

    /** A JPQL condition: student {@code m}'s current extension of step {@code :step} falls due in the window. */
    public static final String EXTENDED_DUE_BETWEEN = "exists (select e from PlanExtension e where e.step = :step "
            + "and e.account = m.id and e.dueAt > :from and e.dueAt <= :to and e.id = (select max(x.id) "
            + "from PlanExtension x where x.step = e.step and x.account = e.account))";

    /**
     * A JPQL condition: {@code time} is after the due date that holds for {@code student} on plan step {@code s},
     * their current extension's if they have one, else the step's. Written as conditions (no outer join), so that
     * it runs on H2 and PostgreSQL whatever the rest of the query joins.
     */
    public static String lateFor(String student, String time) {
        String current = "select pe from PlanExtension pe where pe.step = s.id and pe.account = " + student
                + " and pe.dueAt is not null and pe.id = (select max(px.id) from PlanExtension px "
                + "where px.step = pe.step and px.account = pe.account)";
        return "((s.dueAt is not null and " + time + " > s.dueAt and not exists (" + current + ")) or exists ("
                + current + " and pe.dueAt < " + time + "))";
    }

    /** The longest reason kept. */
    public static final int REASON_LENGTH = 300;

    @Id
    @SequenceGenerator(name = "plan_extension_seq", sequenceName = "plan_extension_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plan_extension_seq")
    private Long id;

    @Column(name = "plan_step_id", nullable = false)
    private Long step;

    @Column(name = "account_id", nullable = false)
    private Long account;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(nullable = false, length = REASON_LENGTH)
    private String reason;

    @Column(name = "granted_by")
    private Long grantedBy;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    protected PlanExtension() {
    }

    private PlanExtension(Long step, long account, Instant dueAt, String reason, Long grantedBy, Instant grantedAt) {
        this.step = step;
        this.account = account;
        this.dueAt = dueAt;
        this.reason = reason;
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
    }

    /**
     * Gives {@code student} a later due date for {@code step}. Refused: a step of another cohort than
     * {@code cohort}, a student not in it, a step without a due date, a date not after the step's, an empty
     * reason.
     */
    public static PlanExtension grant(PlanStep step, Cohort cohort, long student, boolean inCohort, Instant due,
            String reason, Long by, Instant now) {
        if (!cohort.equals(step.getCohort())) {
            throw new BusinessException("plan.extension.otherCohort", "step " + step.getId() + " not of cohort "
                    + cohort.getId());
        }
        if (!inCohort) {
            throw new BusinessException("plan.extension.notInCohort", "account " + student + " not in cohort "
                    + cohort.getId());
        }
        if (step.getDueAt() == null) {
            throw new BusinessException("plan.extension.noDueDate", "step " + step.getId() + " has no due date");
        }
        if (due == null || !due.isAfter(step.getDueAt())) {
            throw new BusinessException("plan.extension.notLater", "extension " + due + " not after "
                    + step.getDueAt());
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > REASON_LENGTH) {
            throw new BusinessException("plan.extension.reasonRequired", "reason of " + text.length() + " characters");
        }
        return new PlanExtension(step.getId(), student, due, text, by, now);
    }

    /** Withdraws the student's extension: a row without a date, so the step's own date holds again. */
    public static PlanExtension withdraw(PlanStep step, long student, String reason, Long by, Instant now) {
        String text = reason == null || reason.isBlank() ? "-" : reason.strip();
        return new PlanExtension(step.getId(), student, null, text.substring(0, Math.min(text.length(),
                REASON_LENGTH)), by, now);
    }

    public Long getId() {
        return id;
    }

    public Long getStep() {
        return step;
    }

    public Long getAccount() {
        return account;
    }

    /** The extended due date; null for a withdrawal. */
    public Instant getDueAt() {
        return dueAt;
    }

    public String getReason() {
        return reason;
    }

    public Long getGrantedBy() {
        return grantedBy;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }
}
