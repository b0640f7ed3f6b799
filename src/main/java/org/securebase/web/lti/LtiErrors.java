package org.securebase.web.lti;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.securebase.application.lti.LtiFailure;
import org.securebase.application.lti.PlatformOrigins;
import org.securebase.domain.lti.LaunchRefusal;
import org.securebase.web.SecurityHeadersFilter;

/** A refused LTI request: logged with its detail, shown as a page that names the reason (not the detail). */
final class LtiErrors {

    private static final Logger LOG = Logger.getLogger(LtiErrors.class.getName());

    private LtiErrors() {
    }

    static void show(HttpServletRequest request, HttpServletResponse response, LtiFailure failure)
            throws ServletException, IOException {
        LOG.warning(() -> "LTI request refused from " + request.getRemoteAddr() + ": " + failure.getMessage());
        response.setStatus(failure.reason() == LaunchRefusal.PLATFORM ? 404 : 401);
        request.setAttribute("ltiReason", failure.reason().name());
        // The page holds no school's data and no action: any registered platform may show it in its frame, so the
        // person reads the reason instead of the browser's "refused to connect".
        SecurityHeadersFilter.allowFraming(response, CDI.current()
                .select(PlatformOrigins.class).get().everySchool());
        request.getRequestDispatcher("/lti-error.xhtml").forward(request, response);
    }
}
