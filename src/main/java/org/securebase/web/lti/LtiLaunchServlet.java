package org.securebase.web.lti;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.securebase.application.Caller;
import org.securebase.application.lti.LaunchService;
import org.securebase.application.lti.LaunchTickets;
import org.securebase.application.lti.LtiFailure;
import org.securebase.domain.lti.LaunchRefusal;
import org.securebase.web.LocaleBacking;
import org.securebase.web.SecurityHeadersFilter;

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
    private LaunchService lti;

    @Inject
    private LaunchTickets tickets;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        LaunchService.Launch launch;
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
        Optional<Caller> caller = LtiSignIn.signIn(request, tickets,
                launch.ticket());
        if (caller.isEmpty()) {
            LtiErrors.show(request, response, new LtiFailure(LaunchRefusal.STATE, "sign-in refused"));
            return;
        }
        if (launch.language() != null) {
            request.getSession().setAttribute(LocaleBacking.SESSION_LOCALE, launch.language());
        }
        if (launch.deepLink() != null) {
            request.getSession().setAttribute(DEEP_LINK, launch.deepLink());
        }
        String path = LtiUrls.landing(launch.landing());
        response.setHeader("Cache-Control", "no-store");
        SecurityHeadersFilter.allowFraming(response, launch.frameOrigins());
        if ("iframe".equals(request.getHeader("Sec-Fetch-Dest"))) {
            // Inside the platform's frame the browser may refuse our cookie. The page checks, goes on if the
            // session holds, and otherwise offers to continue in a new window with a one-time link.
            String ticket = tickets.issue(caller.get(), path);
            request.setAttribute("ltiTarget", request.getContextPath() + path);
            request.setAttribute("ltiContinue", request.getContextPath() + "/lti/continue?ticket=" + ticket);
            request.getRequestDispatcher("/lti-frame.xhtml").forward(request, response);
            return;
        }
        response.sendRedirect(request.getContextPath() + path);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        LtiErrors.show(request, response, new LtiFailure(LaunchRefusal.MALFORMED, "launch by GET"));
    }
}
