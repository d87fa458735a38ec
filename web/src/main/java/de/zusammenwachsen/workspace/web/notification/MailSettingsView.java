package de.zusammenwachsen.workspace.web.notification;

import de.zusammenwachsen.workspace.core.Texts;
import de.zusammenwachsen.workspace.notification.boundary.Following;
import de.zusammenwachsen.workspace.notification.boundary.NotificationView;
import de.zusammenwachsen.workspace.notification.entity.MailMode;
import de.zusammenwachsen.workspace.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The own e-mail choices (a default for all groups, a different one per group where wanted) and what the viewer
 * follows, with unfollow. The per-group choices are plain selects named after the group's slug and read from the
 * request when saving, so that each choice reaches its own group whatever else changed meanwhile.
 */
@Named
@RequestScoped
public class MailSettingsView {

    /**
     * The select's value for "as the default", which the bean maps to null (no own choice); not empty, because
     * Facelets leaves out an attribute whose value is empty.
     */
    static final String AS_DEFAULT = "DEFAULT";

    /** The name of a group's select is this and the group's slug. */
    static final String GROUP_FIELD = "groupMode.";

    @Inject
    Following following;

    private NotificationView.MailSettings settings;
    private List<NotificationView.Followed> followed;
    private String defaultMode;

    /** Loads before rendering, so that a guest is sent to the login page at once. */
    public void load() {
        getSettings();
    }

    public NotificationView.MailSettings getSettings() {
        if (settings == null) {
            settings = following.mailSettings();
        }
        return settings;
    }

    public List<NotificationView.Followed> getFollowed() {
        if (followed == null) {
            followed = following.mine();
        }
        return followed;
    }

    public List<MailMode> getModes() {
        return List.of(MailMode.values());
    }

    /** How a mode reads in a choice; the daily one names the hour at which the overview goes out. */
    public String label(MailMode mode) {
        return Texts.get(FacesContext.getCurrentInstance().getViewRoot().getLocale(),
                "settings.notifications.mode." + mode.name(), getSettings().digestHour());
    }

    public String save() {
        NotificationView.MailSettings before = getSettings();
        boolean ok = Messages.attempt(() -> {
            MailMode chosen = mode(getDefaultMode());
            if (chosen != before.defaultMode()) {
                following.chooseDefault(chosen);
            }
            for (NotificationView.GroupMode group : before.groups()) {
                String sent = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                        .get(GROUP_FIELD + group.slug());
                if (sent == null) {
                    // Not in the form that was sent (joined since): its choice stays as it is.
                    continue;
                }
                MailMode groupChoice = mode(sent);
                if (!Objects.equals(groupChoice, group.mode())) {
                    following.chooseForGroup(group.slug(), groupChoice);
                }
            }
        }, "settings.notifications.saved");
        return ok ? "/account/notifications?faces-redirect=true" : null;
    }

    public String unfollow(Long subscriptionId, String name) {
        return Messages.attempt(() -> following.unfollow(subscriptionId), "settings.notifications.unfollowed", name)
                ? "/account/notifications?faces-redirect=true" : null;
    }

    /** A select's value as a mode; the empty value (and anything unknown, which only a forged form sends) is null. */
    private static MailMode mode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (MailMode mode : MailMode.values()) {
            if (mode.name().equals(value)) {
                return mode;
            }
        }
        return null;
    }

    public String getDefaultMode() {
        if (defaultMode == null) {
            defaultMode = getSettings().defaultMode() == null ? MailMode.INSTANT.name() : getSettings().defaultMode().name();
        }
        return defaultMode;
    }

    public void setDefaultMode(String defaultMode) {
        this.defaultMode = defaultMode;
    }

    /** One option of a group's select. */
    public record Choice(String value, String label, boolean selected) {
    }

    /** The options of a group's select: "as the default", then every mode; the stored choice is selected. */
    public List<Choice> choices(NotificationView.GroupMode group) {
        String current = group.mode() == null ? AS_DEFAULT : group.mode().name();
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(AS_DEFAULT, Texts.get(FacesContext.getCurrentInstance().getViewRoot().getLocale(),
                "settings.notifications.asDefault"), current.equals(AS_DEFAULT)));
        for (MailMode mode : MailMode.values()) {
            choices.add(new Choice(mode.name(), label(mode), current.equals(mode.name())));
        }
        return choices;
    }
}
