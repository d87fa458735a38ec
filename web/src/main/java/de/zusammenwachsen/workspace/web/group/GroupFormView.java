package de.zusammenwachsen.workspace.web.group;

import de.zusammenwachsen.workspace.core.ForbiddenException;
import de.zusammenwachsen.workspace.group.boundary.GroupView;
import de.zusammenwachsen.workspace.group.boundary.WorkingGroups;
import de.zusammenwachsen.workspace.group.control.GroupInput;
import de.zusammenwachsen.workspace.group.entity.JoinPolicy;
import de.zusammenwachsen.workspace.group.entity.Visibility;
import de.zusammenwachsen.workspace.network.boundary.Network;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Creating a group (administrators) and changing its settings (moderators); on the settings page administrators
 * also archive the group and appoint moderators. The form carries the group's version, so that two people editing
 * at once cannot silently overwrite each other.
 */
@Named
@RequestScoped
public class GroupFormView {

    @Inject
    WorkingGroups groups;

    @Inject
    Network network;

    private String slug;
    private String newSlug;
    private String name;
    private String description;
    private List<String> actionFields = new ArrayList<>();
    private List<String> regions = new ArrayList<>();
    private Visibility visibility = Visibility.PUBLIC;
    private JoinPolicy joinPolicy = JoinPolicy.REQUEST;
    private String moderators;
    private String moderatorEmail;
    private int version;
    private GroupView.Detail group;
    /** Faces reads the choices several times per request; one boundary call each is enough. */
    private List<Network.ActionFieldInfo> allActionFields;
    private List<Network.RegionInfo> allRegions;

    @PostConstruct
    void identify() {
        slug = Requests.param("slug");
    }

    /** Fills the settings form from the group, on the first request only (not over the user's input on postback). */
    public void load() {
        group = getGroup();
        if (!group.may("EDIT_SETTINGS") && !group.may("ARCHIVE")) {
            throw new ForbiddenException();
        }
        if (!FacesContext.getCurrentInstance().isPostback()) {
            name = group.name();
            description = group.description();
            actionFields = new ArrayList<>(group.actionFields().stream().map(Network.ActionFieldInfo::slug).toList());
            regions = new ArrayList<>(group.regions().stream().map(Network.RegionInfo::slug).toList());
            visibility = group.visibility();
            joinPolicy = group.joinPolicy();
            version = group.version();
        }
    }

    public String create() {
        GroupView.Detail[] created = new GroupView.Detail[1];
        List<String> emails = moderators == null ? List.of()
                : Arrays.stream(moderators.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
        boolean ok = Messages.attempt(() -> created[0] = groups.create(input(newSlug), emails), "group.created", name);
        return ok ? "/groups/group?faces-redirect=true&slug=" + created[0].slug() : null;
    }

    public String save() {
        return Messages.attempt(() -> groups.update(slug, version, input(slug)), "settings.saved")
                ? "/groups/group?faces-redirect=true&slug=" + slug : null;
    }

    public String archive() {
        return Messages.attempt(() -> groups.archive(slug, true), "settings.archived")
                ? "/groups/group?faces-redirect=true&slug=" + slug : null;
    }

    public String unarchive() {
        return Messages.attempt(() -> groups.archive(slug, false), "settings.unarchived")
                ? "/groups/group?faces-redirect=true&slug=" + slug : null;
    }

    public String allotSpace() {
        return Messages.attempt(() -> groups.allotDocumentSpace(slug, quotaMb), "settings.quotaSaved")
                ? "/groups/settings.xhtml?faces-redirect=true&slug=" + slug : null;
    }

    /** The group's own room for documents in MB (empty: the default); read lazily, only administrators see the form. */
    public Long getQuotaMb() {
        if (!quotaLoaded) {
            quotaMb = groups.documentQuotaMb(slug);
            quotaLoaded = true;
        }
        return quotaMb;
    }

    public void setQuotaMb(Long quotaMb) {
        this.quotaMb = quotaMb;
        this.quotaLoaded = true;
    }

    public long getDefaultQuotaMb() {
        return groups.defaultDocumentQuotaMb();
    }

    public String appoint() {
        String email = moderatorEmail;
        return Messages.attempt(() -> groups.appointModerator(slug, email), "settings.appointed", email)
                ? "/groups/settings?faces-redirect=true&slug=" + slug : null;
    }

    private GroupInput input(String s) {
        return new GroupInput(s, name, description, actionFields, regions, visibility, joinPolicy);
    }

    /** Lazy, because a postback evaluates the page's rendered conditions before the view action runs. */
    public GroupView.Detail getGroup() {
        if (group == null && slug != null) {
            group = groups.bySlug(slug);
        }
        return group;
    }

    public List<Network.ActionFieldInfo> getAllActionFields() {
        if (allActionFields == null) {
            allActionFields = network.actionFields();
        }
        return allActionFields;
    }

    public List<Network.RegionInfo> getAllRegions() {
        if (allRegions == null) {
            allRegions = network.regions();
        }
        return allRegions;
    }

    public Visibility[] getVisibilities() {
        return Visibility.values();
    }

    public JoinPolicy[] getJoinPolicies() {
        return JoinPolicy.values();
    }

    private Long quotaMb;
    private boolean quotaLoaded;

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getNewSlug() {
        return newSlug;
    }

    public void setNewSlug(String newSlug) {
        this.newSlug = newSlug;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<String> getActionFields() {
        return actionFields;
    }

    public void setActionFields(List<String> actionFields) {
        this.actionFields = actionFields;
    }

    public List<String> getRegions() {
        return regions;
    }

    public void setRegions(List<String> regions) {
        this.regions = regions;
    }

    public Visibility getVisibility() {
        return visibility;
    }

    public void setVisibility(Visibility visibility) {
        this.visibility = visibility;
    }

    public JoinPolicy getJoinPolicy() {
        return joinPolicy;
    }

    public void setJoinPolicy(JoinPolicy joinPolicy) {
        this.joinPolicy = joinPolicy;
    }

    public String getModerators() {
        return moderators;
    }

    public void setModerators(String moderators) {
        this.moderators = moderators;
    }

    public String getModeratorEmail() {
        return moderatorEmail;
    }

    public void setModeratorEmail(String moderatorEmail) {
        this.moderatorEmail = moderatorEmail;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
