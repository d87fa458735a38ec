package de.zusammenwachsen.workspace.web.group;

import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.group.boundary.GroupView;
import de.zusammenwachsen.workspace.group.boundary.WorkingGroups;
import de.zusammenwachsen.workspace.group.entity.Visibility;
import de.zusammenwachsen.workspace.network.boundary.Network;
import de.zusammenwachsen.workspace.web.shell.Paging;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * The group directory and the action-field page: filters are plain GET parameters, so every result page can be
 * bookmarked and shared, and no session state is kept.
 */
@Named
@RequestScoped
public class DirectoryView {

    @Inject
    WorkingGroups groups;

    @Inject
    Network network;

    private String field;
    private String region;
    private String visibility;
    private String q;
    private Integer page;
    private Page<GroupView.Summary> result;
    private Network.ActionFieldInfo actionField;
    /** Faces reads these several times per request; one boundary call each is enough. */
    private List<Network.ActionFieldInfo> actionFields;
    private List<Network.RegionInfo> regions;

    /** The action-field page: a field that does not exist answers 404. */
    public void loadField() {
        actionField = network.actionField(field);
    }

    public Page<GroupView.Summary> getResult() {
        if (result == null) {
            Visibility v = null;
            if (visibility != null && !visibility.isBlank()) {
                try {
                    v = Visibility.valueOf(visibility);
                } catch (IllegalArgumentException e) {
                    v = null;
                }
            }
            result = groups.directory(new GroupView.Filter(blank(field), blank(region), v, blank(q), false),
                    Paging.first(page, Paging.SIZE), Paging.SIZE);
        }
        return result;
    }

    public Paging getPaging() {
        return Paging.of(getResult());
    }

    public List<Network.ActionFieldInfo> getActionFields() {
        if (actionFields == null) {
            actionFields = network.actionFields();
        }
        return actionFields;
    }

    public List<Network.RegionInfo> getRegions() {
        if (regions == null) {
            regions = network.regions();
        }
        return regions;
    }

    public Visibility[] getVisibilities() {
        return Visibility.values();
    }

    public boolean isFiltered() {
        return blank(field) != null || blank(region) != null || blank(visibility) != null || blank(q) != null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public Network.ActionFieldInfo getActionField() {
        return actionField;
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getVisibility() {
        return visibility;
    }

    public void setVisibility(String visibility) {
        this.visibility = visibility;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }
}
