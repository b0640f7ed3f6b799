package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Makes a row that must exist once (a student's progress on a module, their reflection on it) in a transaction of
 * its own. When two requests make it at the same moment (two tabs opening the case, two answers saved at once),
 * the database's unique key refuses the second; only that inner transaction fails, and the caller reads the row
 * the first one made instead of answering 500.
 */
@Stateless
public class FirstTime {

    /** Runs {@code insert} and commits it; an {@code EJBException} means the row was made by someone else. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void create(Runnable insert) {
        insert.run();
    }
}
