package de.zusammenwachsen.workspace.document.entity;

import de.zusammenwachsen.workspace.search.control.SearchableBinder;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.network.entity.ActionField;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A document in a group's library: a name in a folder, its description, and a numbered line of versions. The
 * current version's type and size are kept here too, so that a folder lists in one query.
 */
@Entity
@Indexed(index = "document")
@TypeBinding(binder = @TypeBinderRef(type = SearchableBinder.class,
        params = @Param(name = SearchableBinder.DEPENDS_ON, value = "name,title,description,tags,currentNumber,createdBy,updatedBy,updatedAt,trashedAt")))
@Table(name = "document")
public class Document extends Trashable {

    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG_LENGTH = 60;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    private WorkingGroup group;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "folder_id")
    private Folder folder;

    @Column(name = "name", nullable = false, length = 255)
    private String name;

    @Column(name = "title", length = 300)
    private String title;

    @Column(name = "description", length = 4000)
    private String description;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "action_field_id")
    private ActionField actionField;

    @ElementCollection
    @CollectionTable(name = "document_tag", joinColumns = @JoinColumn(name = "document_id"))
    @Column(name = "tag", length = MAX_TAG_LENGTH)
    private Set<String> tags = new TreeSet<>();

    @Column(name = "current_number", nullable = false)
    private int currentNumber;

    @Column(name = "media_type", nullable = false, length = 150)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_by")
    private Long updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version")
    private int version;

    protected Document() {
    }

    public Document(WorkingGroup group, Folder folder, String name, Long createdBy, Instant at) {
        this.group = group;
        this.folder = folder;
        this.name = FileNames.require(name);
        this.actionField = group.getPrimaryActionField();
        this.createdBy = createdBy;
        this.createdAt = at;
        this.updatedBy = createdBy;
        this.updatedAt = at;
    }

    /**
     * Adds the next version. {@code basedOn} is the version number the uploader saw (null: "whatever is newest",
     * as for an upload with the same name); if someone added a version meanwhile, the upload is refused rather than
     * silently put on top.
     */
    public DocumentVersion addVersion(Integer basedOn, StoredFile file, String fileName, String comment, Long by, Instant at) {
        if (basedOn != null && basedOn != currentNumber) {
            throw new ConflictException("document.version.conflict", currentNumber);
        }
        currentNumber++;
        DocumentVersion added = new DocumentVersion(this, currentNumber, file, FileNames.require(fileName), comment, by, at);
        mediaType = file.mediaType();
        size = file.size();
        touch(by, at);
        return added;
    }

    /** Records that {@code restored} became the newest again, as a new version with the same content. */
    public DocumentVersion restoreVersion(DocumentVersion restored, String comment, Long by, Instant at) {
        if (restored.getDocument() != this) {
            throw new InvalidInputException("document.version.unknown");
        }
        return addVersion(null, restored.storedFile(), restored.getFileName(), comment, by, at);
    }

    public void describe(String newTitle, String newDescription, Collection<String> newTags, ActionField field, Long by, Instant at) {
        this.title = blankToNull(newTitle, 300, "document.title.tooLong");
        this.description = blankToNull(newDescription, 4000, "document.description.tooLong");
        this.tags.clear();
        this.tags.addAll(cleanTags(newTags));
        if (field != null) {
            this.actionField = field;
        }
        touch(by, at);
    }

    public void rename(String newName, Long by, Instant at) {
        this.name = FileNames.require(newName);
        touch(by, at);
    }

    public void moveTo(Folder target, Long by, Instant at) {
        if (target != null && target.getGroup() != group) {
            throw new InvalidInputException("document.move.otherGroup");
        }
        this.folder = target;
        touch(by, at);
    }

    public boolean isAuthor(Long accountId) {
        return accountId != null && accountId.equals(createdBy);
    }

    /** Tags as people type them: trimmed, lower case, without duplicates, each short, not too many. */
    public static Set<String> cleanTags(Collection<String> raw) {
        Set<String> cleaned = new TreeSet<>();
        if (raw != null) {
            for (String tag : raw) {
                String t = tag == null ? "" : tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.GERMAN);
                if (t.startsWith("#")) {
                    t = t.substring(1).strip();
                }
                if (t.isEmpty()) {
                    continue;
                }
                if (t.length() > MAX_TAG_LENGTH) {
                    throw new InvalidInputException("document.tag.tooLong", MAX_TAG_LENGTH);
                }
                cleaned.add(t);
            }
        }
        if (cleaned.size() > MAX_TAGS) {
            throw new InvalidInputException("document.tags.tooMany", MAX_TAGS);
        }
        return cleaned;
    }

    private static String blankToNull(String value, int max, String tooLongKey) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(tooLongKey, max);
        }
        return v;
    }

    private void touch(Long by, Instant at) {
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public String displayTitle() {
        return title == null ? name : title;
    }

    public Long getId() {
        return id;
    }

    public WorkingGroup getGroup() {
        return group;
    }

    public Folder getFolder() {
        return folder;
    }

    public String getName() {
        return name;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public ActionField getActionField() {
        return actionField;
    }

    public Set<String> getTags() {
        return tags;
    }

    public int getCurrentNumber() {
        return currentNumber;
    }

    public String getMediaType() {
        return mediaType;
    }

    public long getSize() {
        return size;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Long getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public int getVersion() {
        return version;
    }
}
