package org.securebase.application;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.securebase.application.lti.GradeService;
import org.securebase.application.xapi.XapiService;

/**
 * Every few seconds, sends what is due to other systems: results to learning platforms, mail to the SMTP server,
 * statements to the LRS.
 * Each item goes in its own transaction, so one system's failure never holds up another's.
 */
@Singleton
public class Outbox {

    @Inject
    private GradeService grades;

    @Inject
    private XapiService xapi;

    @Inject
    private MailOutbox mail;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sendDue() {
        for (Long id : grades.due(50)) {
            grades.send(id);
        }
        for (Long id : mail.due(200)) {
            mail.send(id);
        }
        if (xapi.isConfigured()) {
            for (Long id : xapi.due(100)) {
                xapi.send(id);
            }
        }
    }
}
