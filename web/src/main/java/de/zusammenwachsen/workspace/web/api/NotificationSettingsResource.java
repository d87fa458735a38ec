package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.notification.boundary.Following;
import de.zusammenwachsen.workspace.notification.boundary.NotificationView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * How the caller wants to be mailed about notifications: a default (INSTANT, DAILY or OFF) and a choice per group
 * they belong to, plus the hour the daily digest goes out.
 */
@Path("me/mail-settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NotificationSettingsResource {

    @Inject
    Following following;

    @GET
    public NotificationView.MailSettings settings() {
        return following.mailSettings();
    }

    /**
     * {@code {"defaultMode": "DAILY", "groups": {"slug": "INSTANT", "other-slug": null}}}: what is present changes
     * (a group's null returns it to the default), what is absent stays; all changes are made together or none.
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public void change(String body) {
        JsonObject change = DocumentRequests.object(body);
        if (change.containsKey("defaultMode")) {
            following.chooseDefault(DiscussionRequests.mailMode(DocumentRequests.string(change, "defaultMode")));
        }
        JsonValue groups = change.get("groups");
        if (groups == null || groups == JsonValue.NULL) {
            return;
        }
        if (groups.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("rest.parameter.invalid", "groups", groups.toString());
        }
        for (Map.Entry<String, JsonValue> group : groups.asJsonObject().entrySet()) {
            String mode = DocumentRequests.string(groups.asJsonObject(), group.getKey());
            following.chooseForGroup(group.getKey(), mode == null ? null : DiscussionRequests.mailMode(mode));
        }
    }
}
