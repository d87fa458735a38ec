package de.zusammenwachsen.workspace.web.meeting;

import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.core.UnauthenticatedException;
import de.zusammenwachsen.workspace.meeting.boundary.Meetings;
import de.zusammenwachsen.workspace.web.security.SessionAccount;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The calendar file of one meeting for the download link on its page ({@code /groups/meeting.ics?id=}), for the
 * logged-in session; the REST API has the same file for token holders. 404 for whoever may not read the group.
 */
@WebServlet(urlPatterns = "/groups/meeting.ics")
public class MeetingIcsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Caller caller;

    @Inject
    transient Meetings meetings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long id = MeetingPages.longParam(request.getParameter("id"));
        if (id == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        SessionAccount.identify(request, caller);
        String ics;
        try {
            ics = meetings.ics(id);
        } catch (UnauthenticatedException e) {
            String back = request.getRequestURI() + "?id=" + id;
            response.sendRedirect(request.getContextPath() + "/account/login.xhtml?back="
                    + URLEncoder.encode(back, StandardCharsets.UTF_8));
            return;
        } catch (DomainException e) {
            response.sendError(e.status());
            return;
        }
        response.setContentType("text/calendar; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"meeting-" + id + ".ics\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.getOutputStream().write(ics.getBytes(StandardCharsets.UTF_8));
    }
}
