package de.zusammenwachsen.workspace.web.meeting;

import de.zusammenwachsen.workspace.meeting.boundary.MeetingView;
import de.zusammenwachsen.workspace.meeting.boundary.Meetings;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** The next three meetings on a group's overview page. */
@Named
@RequestScoped
public class GroupMeetings {

    static final int SHOWN = 3;

    @Inject
    Meetings meetings;

    private List<MeetingView.Summary> next;

    public List<MeetingView.Summary> getNext() {
        if (next == null) {
            next = meetings.next(Requests.param("slug"), SHOWN);
        }
        return next;
    }

    public String span(MeetingView.Summary m) {
        return MeetingPages.span(m.startsAt(), m.endsAt());
    }

    public String meetingLink(Long id) {
        return MeetingPages.contextPath() + MeetingPages.meetingPath(id);
    }
}
