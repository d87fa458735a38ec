package de.zusammenwachsen.workspace.document.entity;

import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A folder in a group's library; a folder without parent sits at the library's top. */
@Entity
@Table(name = "folder")
public class Folder extends Trashable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    private WorkingGroup group;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Folder parent;

    @Column(name = "name", nullable = false, length = 255)
    private String name;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version")
    private int version;

    protected Folder() {
    }

    public Folder(WorkingGroup group, Folder parent, String name, Long createdBy, Instant at) {
        this.group = group;
        this.parent = parent;
        this.name = FileNames.require(name);
        this.createdBy = createdBy;
        this.createdAt = at;
    }

    public void rename(String newName) {
        this.name = FileNames.require(newName);
    }

    /** Moves this folder below {@code target} (null: the top); never below itself. */
    public void moveTo(Folder target) {
        for (Folder f = target; f != null; f = f.parent) {
            if (f == this) {
                throw new de.zusammenwachsen.workspace.core.InvalidInputException("folder.move.intoItself");
            }
        }
        this.parent = target;
    }

    public boolean isAuthor(Long accountId) {
        return accountId != null && accountId.equals(createdBy);
    }

    public Long getId() {
        return id;
    }

    public WorkingGroup getGroup() {
        return group;
    }

    public Folder getParent() {
        return parent;
    }

    public String getName() {
        return name;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getVersion() {
        return version;
    }
}
