package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.meeting.boundary.MinutesView;
import de.zusammenwachsen.workspace.meeting.boundary.Tasks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The task reminders on demand, for administrators: mails every reminder that is due now instead of at the next
 * hourly run; answers how many items were due and how many mails went into the outbox. Running it twice mails
 * nobody twice.
 */
@Path("admin/task-reminders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TaskRemindersResource {

    @Inject
    Tasks tasks;

    @POST
    public MinutesView.ReminderRun runNow() {
        return tasks.remindNow();
    }
}
