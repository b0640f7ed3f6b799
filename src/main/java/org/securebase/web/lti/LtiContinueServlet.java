package org.securebase.web.lti;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.securebase.application.lti.LaunchTickets;
import org.securebase.application.lti.LtiFailure;
import org.securebase.domain.lti.LaunchRefusal;

/**
 * /lti/continue?ticket=: a launch continued in a new window, where the browser keeps our cookie as first-party.
 * The one-time ticket from the framed launch signs the person in and goes where the launch was going.
 */
@WebServlet("/lti/continue")
public class LtiContinueServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private LaunchTickets tickets;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String ticket = request.getParameter("ticket");
        String target = tickets.target(ticket).orElse(null);
        if (target == null) {
            LtiErrors.show(request, response, new LtiFailure(LaunchRefusal.STATE, "unknown or used ticket"));
            return;
        }
        if (!LtiSignIn.signIn(request, tickets, ticket).isPresent()) {
            LtiErrors.show(request, response, new LtiFailure(LaunchRefusal.STATE, "ticket refused"));
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(request.getContextPath() + target);
    }
}
