package org.securebase.application.xapi;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** Every few seconds, sends the xAPI statements that are due. */
@Singleton
public class XapiSender {

    @EJB
    private XapiService xapi;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sendDue() {
        if (!xapi.isConfigured()) {
            return;
        }
        for (Long id : xapi.due(100)) {
            xapi.send(id);
        }
    }
}
