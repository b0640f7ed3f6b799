package org.securebase.web.balint;

import org.omnifaces.util.Faces;
import org.securebase.domain.BusinessException;
import org.securebase.web.util.Bundle;

/** How the Balint pages run an action: refused, its message and the page read again; done, a message and a redirect. */
final class BalintActions {

    private BalintActions() {
    }

    static String act(Runnable action, String doneKey, Runnable reload, String redirect) {
        try {
            action.run();
        } catch (BusinessException e) {
            Bundle.error(e.messageKey());
            reload.run();
            return null;
        }
        Faces.getFlash().setKeepMessages(true);
        Bundle.info(doneKey);
        return redirect;
    }
}
