package org.securebase.application.lti;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** Every few seconds, posts the results that are due (new ones, and failed ones whose pause is over). */
@Singleton
public class GradeSender {

    @EJB
    private GradeService grades;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sendDue() {
        for (Long id : grades.due(50)) {
            grades.send(id);
        }
    }
}
