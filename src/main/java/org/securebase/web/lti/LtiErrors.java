package org.securebase.web.lti;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.securebase.infrastructure.lti.LtiFailure;

/** A refused LTI request: logged with its detail, shown as a page that names the reason (not the detail). */
final class LtiErrors {

    private static final Logger LOG = Logger.getLogger(LtiErrors.class.getName());

    private LtiErrors() {
    }

    static void show(HttpServletRequest request, HttpServletResponse response, LtiFailure failure)
            throws ServletException, IOException {
        LOG.warning(() -> "LTI request refused from " + request.getRemoteAddr() + ": " + failure.getMessage());
        response.setStatus(failure.reason() == LtiFailure.Reason.PLATFORM ? 404 : 401);
        request.setAttribute("ltiReason", failure.reason().name());
        // The page holds no school's data and no action: any registered platform may show it in its frame, so the
        // person reads the reason instead of the browser's "refused to connect".
        org.securebase.web.SecurityHeadersFilter.allowFraming(response, jakarta.enterprise.inject.spi.CDI.current()
                .select(org.securebase.application.lti.PlatformOrigins.class).get().everySchool());
        request.getRequestDispatcher("/lti-error.xhtml").forward(request, response);
    }
}
