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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The own e-mail choices (a default for all groups, a different one per group where wanted) and what the viewer
 * follows, with unfollow. The choices are filled from the stored settings before a postback applies the form, so the
 * per-group selects in the repeat always find their value.
 */
@Named
@RequestScoped
public class MailSettingsView {

    /** The select's value for "as the default": an empty string, which the bean maps to null (no own choice). */
    static final String AS_DEFAULT = "";

    @Inject
    Following following;

    private NotificationView.MailSettings settings;
    private List<NotificationView.Followed> followed;
    private String defaultMode;
    private Map<String, String> groupModes;

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
                MailMode groupChoice = mode(getGroupModes().get(group.slug()));
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

    /** The choice per group slug: a mode's name, or {@link #AS_DEFAULT}. */
    public Map<String, String> getGroupModes() {
        if (groupModes == null) {
            groupModes = new HashMap<>();
            getSettings().groups().forEach(g -> groupModes.put(g.slug(), g.mode() == null ? AS_DEFAULT : g.mode().name()));
        }
        return groupModes;
    }
}
