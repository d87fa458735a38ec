package de.zusammenwachsen.workspace.web.admin;

import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.core.UnauthenticatedException;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.network.boundary.Network;
import de.zusammenwachsen.workspace.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** Administration: the action fields and regions of the network, editable one row at a time. */
@Named
@RequestScoped
public class AdminView {

    /** One editable row; the version travels with the form so that concurrent edits are detected. */
    public static class Row {
        private final Long id;
        private int version;
        private String name;
        private String nameEn;
        private String description;

        Row(Long id, int version, String name, String nameEn, String description) {
            this.id = id;
            this.version = version;
            this.name = name;
            this.nameEn = nameEn;
            this.description = description;
        }

        public Long getId() {
            return id;
        }

        public int getVersion() {
            return version;
        }

        public void setVersion(int version) {
            this.version = version;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getNameEn() {
            return nameEn;
        }

        public void setNameEn(String nameEn) {
            this.nameEn = nameEn;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }
    }

    @Inject
    Network network;

    @Inject
    Caller caller;

    private List<Row> actionFields;
    private List<Row> regions;

    /**
     * The administration pages answer 404 to everyone but administrators, like anything they may not see. This only
     * hides the page; every change on it is refused by the boundary's access policy anyway.
     */
    public void requireAdministrator() {
        if (caller.viewer().isGuest()) {
            throw new UnauthenticatedException();
        }
        if (!caller.viewer().administrator()) {
            throw new NotFoundException();
        }
    }

    public List<Row> getActionFields() {
        if (actionFields == null) {
            actionFields = network.actionFields().stream()
                    .map(f -> new Row(f.id(), f.version(), f.name(), f.nameEn(), f.description())).toList();
        }
        return actionFields;
    }

    public List<Row> getRegions() {
        if (regions == null) {
            regions = network.regions().stream().map(r -> new Row(r.id(), r.version(), r.name(), null, null)).toList();
        }
        return regions;
    }

    public String saveField(Row row) {
        return Messages.attempt(() -> network.updateActionField(row.id, row.version, row.name, row.nameEn, row.description),
                "admin.saved", row.name) ? "/admin/index?faces-redirect=true" : null;
    }

    public String saveRegion(Row row) {
        return Messages.attempt(() -> network.updateRegion(row.id, row.version, row.name), "admin.saved", row.name)
                ? "/admin/index?faces-redirect=true" : null;
    }
}
