package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.school.Cohort;
import org.securebase.domain.school.Programme;
import org.securebase.domain.school.School;
import org.securebase.infrastructure.enrolment.EnrolmentCsv;

/**
 * A school administrator's work on their own school: programmes, cohorts and their curriculum, tutors, and
 * enrolment from a CSV file. Everything is checked against the administrator's school; anything outside it is
 * "not found".
 */
@Stateless
public class SchoolService {

    /** A cohort as the administrator manages it. */
    public record CohortDetail(Cohort cohort, String programme, String curriculum, List<Account> tutors,
            long students) {
    }

    /** The outcome of an enrolment: nothing imported when there are problems; otherwise who and their links. */
    public record Enrolment(List<EnrolmentCsv.Problem> problems, int created, int enrolled, int alreadyMembers,
            List<Map.Entry<Account, String>> invitations) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Memberships memberships;

    @Inject
    private CohortService cohorts;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private InvitationService invitations;

    @Inject
    private Clock clock;

    public List<ProgrammeSummary> programmes(Account admin) {
        return em.createQuery("select new org.securebase.application.ProgrammeSummary(p.id, p.name) "
                + "from Programme p where p.school = :school order by p.name", ProgrammeSummary.class)
                .setParameter("school", school(admin)).getResultList();
    }

    public Programme createProgramme(Account admin, String name) {
        String clean = name(name);
        if (em.createQuery("select count(p) from Programme p where p.school = :school and lower(p.name) = :name",
                Long.class).setParameter("school", school(admin)).setParameter("name", clean.toLowerCase())
                .getSingleResult() > 0) {
            throw new BusinessException("admin.programmeExists", clean);
        }
        Programme programme = new Programme(school(admin), clean, clock.instant());
        em.persist(programme);
        return programme;
    }

    /** The rubric the school's tutors use for reviews from now on; reviews already started keep theirs. */
    public void chooseRubric(Account admin, String slug) {
        School school = em.find(School.class, school(admin).getId());
        if (slug == null || slug.isBlank()) {
            school.useRubric(null);
            return;
        }
        if (catalog.findRubric(slug).isEmpty()) {
            throw new NotFoundException("rubric " + slug);
        }
        school.useRubric(slug);
    }

    public String rubric(Account admin) {
        return em.find(School.class, school(admin).getId()).rubric().orElse("");
    }

    public Cohort createCohort(Account admin, String name, Long programmeId, String curriculum) {
        Cohort cohort = new Cohort(school(admin), name(name), clock.instant());
        cohort.placeIn(programmeId == null ? null : programme(admin, programmeId));
        cohort.follow(curriculum(curriculum));
        em.persist(cohort);
        return cohort;
    }

    public CohortDetail detail(Account admin, long cohortId) {
        Cohort cohort = own(admin, cohortId);
        List<Account> tutors = memberships.members(cohortId, Role.TUTOR);
        long students = memberships.count(cohortId, Role.STUDENT);
        String curriculum = cohort.curriculum().flatMap(catalog::findCurriculum).map(CurriculumDefinition::title)
                .orElse(null);
        return new CohortDetail(cohort, cohort.getProgramme() == null ? null : cohort.getProgramme().getName(),
                curriculum, tutors, students);
    }

    public void update(Account admin, long cohortId, String name, Long programmeId, String curriculum) {
        Cohort cohort = own(admin, cohortId);
        cohort.rename(name(name));
        cohort.placeIn(programmeId == null ? null : programme(admin, programmeId));
        cohort.follow(curriculum(curriculum));
    }

    /**
     * Enrols the people in the file into the cohort: new accounts get an invitation, existing accounts of this
     * school are added as they are. Every row is checked first, against the file and the database; if any row
     * has a problem, nothing at all is written.
     */
    public Enrolment enrol(Account admin, long cohortId, EnrolmentCsv.Result file) {
        Cohort cohort = own(admin, cohortId);
        List<EnrolmentCsv.Problem> problems = new ArrayList<>(file.problems());
        Map<String, Account> existing = new HashMap<>();
        List<String> emails = file.rows().stream().map(EnrolmentCsv.Row::email).toList();
        for (int i = 0; i < emails.size(); i += 1000) {
            em.createQuery("select a from Account a left join fetch a.school where a.email in :emails", Account.class)
                    .setParameter("emails", emails.subList(i, Math.min(emails.size(), i + 1000))).getResultList()
                    .forEach(a -> existing.put(a.getEmail(), a));
        }
        for (EnrolmentCsv.Row row : file.rows()) {
            Account account = existing.get(row.email());
            if (account == null) {
                continue;
            }
            if (account.getSchool() == null || !account.getSchool().equals(cohort.getSchool())) {
                problems.add(new EnrolmentCsv.Problem(row.line(), "enrol.otherSchool", row.email()));
            } else if (account.getRole() != row.role()) {
                problems.add(new EnrolmentCsv.Problem(row.line(), "enrol.otherRole", row.email()));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingLong(EnrolmentCsv.Problem::line));
            return new Enrolment(problems, 0, 0, 0, List.of());
        }
        Set<Long> members = new HashSet<>(memberships.memberIds(cohortId));
        int created = 0;
        int enrolled = 0;
        int already = 0;
        List<Map.Entry<Account, String>> links = new ArrayList<>();
        for (EnrolmentCsv.Row row : file.rows()) {
            Account account = existing.get(row.email());
            if (account == null) {
                account = new Account(row.email(), row.name(), row.role(), cohort.getSchool(), null, clock.instant());
                em.persist(account);
                created++;
                links.add(Map.entry(account, invitations.invite(account)));
            }
            if (account.getId() != null && members.contains(account.getId())) {
                already++;
            } else {
                cohort.enrol(account);
                enrolled++;
            }
        }
        em.flush();
        return new Enrolment(List.of(), created, enrolled, already, links);
    }

    private Cohort own(Account admin, long cohortId) {
        requireAdmin(admin);
        return cohorts.requireVisible(admin, cohortId);
    }

    private Programme programme(Account admin, long id) {
        Programme programme = em.find(Programme.class, id);
        if (programme == null || !programme.getSchool().equals(school(admin))) {
            throw new NotFoundException("programme " + id);
        }
        return programme;
    }

    private String curriculum(String slug) {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        return catalog.findCurriculum(slug).map(CurriculumDefinition::slug)
                .orElseThrow(() -> new NotFoundException("curriculum " + slug));
    }

    private static String name(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > School.NAME_MAX) {
            throw new BusinessException("admin.nameLength", String.valueOf(School.NAME_MAX));
        }
        return clean;
    }

    private static School school(Account admin) {
        requireAdmin(admin);
        return admin.getSchool();
    }

    private static void requireAdmin(Account admin) {
        if (!admin.administersASchool()) {
            throw new NotFoundException("administration for " + admin.getRole());
        }
    }
}
