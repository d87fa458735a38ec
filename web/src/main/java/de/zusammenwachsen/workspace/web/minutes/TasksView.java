package de.zusammenwachsen.workspace.web.minutes;

import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.meeting.boundary.MinutesView;
import de.zusammenwachsen.workspace.meeting.boundary.Tasks;
import de.zusammenwachsen.workspace.meeting.entity.ActionItemStatus;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.shell.Paging;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * "Meine Aufgaben": the caller's action items, open ones first by due date, overdue ones marked; done, cancelled
 * and reopened with one click each (the item's version guards against a change made elsewhere meanwhile).
 */
@Named
@RequestScoped
public class TasksView {

    @Inject
    Tasks tasks;

    private MinutesView.TaskFilter filter;
    private Integer page;
    private Page<MinutesView.Task> items;

    @PostConstruct
    void identify() {
        filter = filterOf(Requests.param("status"));
        page = Requests.intParam("page");
    }

    static MinutesView.TaskFilter filterOf(String value) {
        if (value != null) {
            for (MinutesView.TaskFilter f : MinutesView.TaskFilter.values()) {
                if (f.name().equalsIgnoreCase(value)) {
                    return f;
                }
            }
        }
        return MinutesView.TaskFilter.OPEN;
    }

    /** Guests go to the login page (the boundary refuses them) before anything renders. */
    public void load() {
        getItems();
    }

    public Page<MinutesView.Task> getItems() {
        if (items == null) {
            items = tasks.mine(filter, Paging.first(page, Paging.SIZE), Paging.SIZE);
        }
        return items;
    }

    public Paging getPaging() {
        return Paging.of(getItems());
    }

    public String done(Long id, int version, LocalDate dueOn) {
        return change(id, version, ActionItemStatus.DONE, dueOn, "tasks.markedDone");
    }

    public String cancel(Long id, int version, LocalDate dueOn) {
        return change(id, version, ActionItemStatus.CANCELLED, dueOn, "tasks.markedCancelled");
    }

    public String reopen(Long id, int version, LocalDate dueOn) {
        return change(id, version, ActionItemStatus.OPEN, dueOn, "tasks.markedOpen");
    }

    private String change(Long id, int version, ActionItemStatus status, LocalDate dueOn, String doneKey) {
        if (Messages.attempt(() -> tasks.update(id, version, status, dueOn), doneKey)) {
            return "/tasks.xhtml?faces-redirect=true&status=" + filter.name() + (page == null ? "" : "&page=" + page);
        }
        return null;
    }

    public String filterLink(String value) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/tasks.xhtml?status=" + value;
    }

    public String day(LocalDate date) {
        if (date == null) {
            return null;
        }
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    public String getStatus() {
        return filter.name();
    }

    public void setStatus(String status) {
        this.filter = filterOf(status);
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }
}
