package org.securebase.infrastructure.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.securebase.application.AccountService;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.school.Cohort;
import org.securebase.domain.school.School;
import org.securebase.infrastructure.persistence.DatabaseMigration;

/**
 * A demo school for trying the application: one cohort, one tutor, three students and an administrator, created
 * only when demo data is switched on (DEMO_DATA=true, as scripts/run does) and the database has no accounts.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class DemoData {

    /** Published in README.md: never switch demo data on in production. */
    public static final String PASSWORD = "Secure-Base-2026";

    public record DemoAccount(String email, String name, Role role) {
    }

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("student1@demo.securebase.org", "Amara Okafor", Role.STUDENT),
            new DemoAccount("student2@demo.securebase.org", "Tomasz Nowak", Role.STUDENT),
            new DemoAccount("student3@demo.securebase.org", "Priya Raman", Role.STUDENT),
            new DemoAccount("tutor@demo.securebase.org", "Dr Helen Marsh", Role.TUTOR),
            new DemoAccount("admin@demo.securebase.org", "Sam Whitfield", Role.SCHOOL_ADMIN));

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    @ConfigProperty(name = "demo.data", defaultValue = "false")
    private boolean enabled;

    @EJB
    private DatabaseMigration migration;

    @EJB
    private AccountService accounts;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @PostConstruct
    void create() {
        if (!enabled || !migration.isMigrated()) {
            return;
        }
        if (accounts.count() > 0) {
            LOG.info("Demo data: accounts exist already, nothing created");
            return;
        }
        School school = new School("Northgate Medical School (demo)", clock.instant());
        em.persist(school);
        Cohort cohort = new Cohort(school, "Year 3 communication block 2026/27", clock.instant());
        em.persist(cohort);
        for (DemoAccount demo : ACCOUNTS) {
            Account account = accounts.create(demo.email(), demo.name(), demo.role(), school, PASSWORD.toCharArray());
            if (demo.role() != Role.SCHOOL_ADMIN) {
                cohort.enrol(account);
            }
        }
        StringBuilder list = new StringBuilder("Demo data created. Sign in with password '" + PASSWORD + "' as:");
        ACCOUNTS.forEach(a -> list.append("\n  ").append(a.role()).append("  ").append(a.email()));
        LOG.info(list::toString);
    }
}
