package org.securebase.domain.school;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.lti.LtiPlatform;

/** A group of students who take a curriculum together, with the tutors who read their work. */
@Entity
@Table(name = "cohort")
@NamedQuery(name = "Cohort.isMember", query = "select count(c) from Cohort c join c.members m "
        + "where c.id = :cohort and m.id = :account")
@NamedQuery(name = "Cohort.memberIds", query = "select m.id from Cohort c join c.members m where c.id = :cohort")
@NamedQuery(name = "Cohort.membersWithRole", query = "select m from Cohort c join c.members m where c.id = :cohort "
        + "and m.role = :role order by m.displayName")
@NamedQuery(name = "Cohort.countWithRole", query = "select count(m) from Cohort c join c.members m "
        + "where c.id = :cohort and m.role = :role")
@NamedQuery(name = "Cohort.teaches", query = "select count(c) from Cohort c join c.members s join c.members t "
        + "where s.id = :student and t.id = :tutor and t.role = :tutorRole")
@NamedQuery(name = "Cohort.tutorsOfStudent", query = "select distinct t from Cohort c "
        + "join c.members s join c.members t where s.id = :student and t.role = :tutor")
@NamedQuery(name = "Cohort.curriculaOfMember", query = "select c.curriculum from Cohort c join c.members m "
        + "where m.id = :student and c.curriculum is not null order by c.createdAt, c.id")
@NamedQuery(name = "Cohort.byLtiContext", query = "select c from Cohort c where c.ltiPlatform = :platform "
        + "and c.ltiContextId = :context")
public class Cohort {

    /**
     * The ids of the students a tutor teaches (shares a cohort with), for use as a subquery with the parameters
     * {@code :tutor} (an account id) and {@code :student} ({@link Role#STUDENT}).
     */
    public static final String STUDENTS_OF_TUTOR = "select sm.id from Cohort sc join sc.members sm "
            + "join sc.members st where st.id = :tutor and sm.role = :student";

    @Id
    @SequenceGenerator(name = "cohort_seq", sequenceName = "cohort_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cohort_seq")
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private School school;

    @Column(nullable = false, length = School.NAME_MAX)
    private String name;

    @ManyToMany
    @JoinTable(name = "cohort_member", joinColumns = @JoinColumn(name = "cohort_id"),
            inverseJoinColumns = @JoinColumn(name = "account_id"))
    private Set<Account> members = new HashSet<>();

    @ManyToOne(fetch = FetchType.LAZY)
    private Programme programme;

    /** The curriculum's slug; null: the installation's default curriculum. */
    @Column(length = 100)
    private String curriculum;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "lti_platform_id")
    private LtiPlatform ltiPlatform;

    @Column(name = "lti_context_id", length = 255)
    private String ltiContextId;

    @Column(name = "lti_memberships_url", length = 1000)
    private String ltiMembershipsUrl;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Cohort() {
    }

    public Cohort(School school, String name, Instant now) {
        this.school = school;
        this.name = name;
        this.createdAt = now;
    }

    public void enrol(Account account) {
        members.add(account);
    }

    /** Links the cohort to a course of a learning platform, whose launches then land in it. */
    public void linkLti(LtiPlatform platform, String contextId) {
        this.ltiPlatform = platform;
        this.ltiContextId = contextId;
    }

    /** Where the course's roster can be read (LTI Names and Role Provisioning Services). */
    public void rosterAt(String membershipsUrl) {
        this.ltiMembershipsUrl = membershipsUrl;
    }

    public String getLtiMembershipsUrl() {
        return ltiMembershipsUrl;
    }

    public LtiPlatform getLtiPlatform() {
        return ltiPlatform;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public void placeIn(Programme programme) {
        this.programme = programme;
    }

    public Programme getProgramme() {
        return programme;
    }

    public void follow(String curriculumSlug) {
        this.curriculum = curriculumSlug;
    }

    public Optional<String> curriculum() {
        return Optional.ofNullable(curriculum);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public School getSchool() {
        return school;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Cohort other && id != null && id.equals(other.getId()));
    }

    @Override
    public int hashCode() {
        return Cohort.class.hashCode();
    }
}
