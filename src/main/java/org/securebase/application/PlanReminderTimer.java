package org.securebase.application;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Looks for plan steps falling due every twenty seconds: one indexed query when there are none. */
@Singleton
public class PlanReminderTimer {

    @Inject
    private PlanReminders reminders;

    @Schedule(hour = "*", minute = "*", second = "*/20", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void remind() {
        for (Long step : reminders.dueSoon()) {
            reminders.remind(step);
        }
    }
}
