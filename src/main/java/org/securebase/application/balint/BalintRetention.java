package org.securebase.application.balint;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every night, the schools' retention rule for Balint groups: the text of groups whose retention period has passed
 * is deleted (the service logs each group it cleared).
 */
@Singleton
public class BalintRetention {

    private static final Logger LOG = Logger.getLogger(BalintRetention.class.getName());

    @Inject
    private BalintService balint;

    @Schedule(hour = "3", minute = "17", persistent = false)
    void nightly() {
        int groups = balint.purgeExpired().size();
        LOG.info(() -> "Balint retention ran: " + groups + " group(s) past their school's retention period cleared");
    }
}
