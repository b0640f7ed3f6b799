package org.securebase.application.privacy;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every night at 03:15 (server time), each school's retention, each school in its own transaction. */
@Singleton
public class RetentionTimer {

    private static final Logger LOG = Logger.getLogger(RetentionTimer.class.getName());

    @Inject
    private RetentionService retention;

    @Schedule(hour = "3", minute = "15", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void nightly() {
        for (Long school : retention.schoolsWithPolicy()) {
            try {
                retention.run(school);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Retention for school " + school + " failed; tried again tomorrow", e);
            }
        }
    }
}
