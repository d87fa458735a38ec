package de.zusammenwachsen.workspace.web.minutes;

import de.zusammenwachsen.workspace.core.Texts;
import de.zusammenwachsen.workspace.meeting.boundary.Minutes;
import de.zusammenwachsen.workspace.meeting.boundary.MinutesView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The minutes' state in the meeting page's minutes section: none yet, draft, circulated or approved. */
@Named
@RequestScoped
public class MinutesSection {

    @Inject
    Minutes minutes;

    private MinutesView.Status status;

    public String text(Long meetingId) {
        if (meetingId == null) {
            return "";
        }
        if (status == null) {
            status = minutes.status(meetingId);
        }
        var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        if (!status.exists()) {
            return Texts.get(locale, status.mayStart() ? "minutes.section.noneYetStart" : "minutes.section.noneYet");
        }
        return Texts.get(locale, "minutes.section.state", Texts.get(locale, "minutes.state." + status.state().name()));
    }
}
