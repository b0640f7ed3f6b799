package org.securebase.web.lti;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.securebase.application.lti.LtiService;
import org.securebase.infrastructure.lti.LtiFailure;

/**
 * /lti/launch: the platform's form post of the id_token. A valid launch signs the user in (a new session) and
 * sends them where the link points; anything wrong shows a page that says what, and is logged.
 */
@WebServlet("/lti/launch")
public class LtiLaunchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The session attribute holding a deep-linking request while the instructor picks modules. */
    public static final String DEEP_LINK = "securebase.lti.deepLink";

    @Inject
    private LtiService lti;

    @Inject
    private org.securebase.application.lti.LaunchTickets tickets;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        LtiService.Launch launch;
        try {
            launch = lti.launch(request.getParameter("state"), request.getParameter("id_token"));
        } catch (LtiFailure e) {
            LtiErrors.show(request, response, e);
            return;
        } catch (EJBException e) {
            if (e.getCause() instanceof LtiFailure failure) {
                LtiErrors.show(request, response, failure);
                return;
            }
            throw e;
        }
        java.util.Optional<org.securebase.application.Caller> caller = LtiSignIn.signIn(request, tickets,
                launch.ticket());
        if (caller.isEmpty()) {
            LtiErrors.show(request, response, new LtiFailure(LtiFailure.Reason.STATE, "sign-in refused"));
            return;
        }
        if (launch.deepLink() != null) {
            request.getSession().setAttribute(DEEP_LINK, launch.deepLink());
        }
        response.setHeader("Cache-Control", "no-store");
        org.securebase.web.SecurityHeadersFilter.allowFraming(response, launch.frameOrigins());
        if ("iframe".equals(request.getHeader("Sec-Fetch-Dest"))) {
            // Inside the platform's frame the browser may refuse our cookie. The page checks, goes on if the
            // session holds, and otherwise offers to continue in a new window with a one-time link.
            String ticket = tickets.issue(caller.get(), launch.path());
            request.setAttribute("ltiTarget", request.getContextPath() + launch.path());
            request.setAttribute("ltiContinue", request.getContextPath() + "/lti/continue?ticket=" + ticket);
            request.getRequestDispatcher("/lti-frame.xhtml").forward(request, response);
            return;
        }
        response.sendRedirect(request.getContextPath() + launch.path());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        LtiErrors.show(request, response, new LtiFailure(LtiFailure.Reason.MALFORMED, "launch by GET"));
    }
}
