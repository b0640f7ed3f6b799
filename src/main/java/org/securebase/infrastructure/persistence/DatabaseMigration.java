package org.securebase.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Defines the application's data source from MicroProfile Config (H2 by default, PostgreSQL by setting DB_URL,
 * DB_CLASS, DB_USER, DB_PASSWORD) and brings its schema up to date with Flyway before anything else runs.
 */
@DataSourceDefinition(
        name = DatabaseMigration.DATA_SOURCE,
        className = "${MPCONFIG=db.class}",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        minPoolSize = 2,
        maxPoolSize = 20)
@Singleton
@Startup
public class DatabaseMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/securebase";
    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    private volatile boolean migrated;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        try {
            MigrateResult result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                    + result.migrationsExecuted + " migration(s) applied now)");
            migrated = true;
        } catch (RuntimeException e) {
            // The application still deploys so that /api/health can say what is wrong.
            LOG.log(Level.SEVERE, "Database migration failed: " + e.getMessage(), e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isMigrated() {
        return migrated;
    }
}
