package de.zusammenwachsen.workspace.document.boundary;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.access.control.DocumentAction;
import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.audit.boundary.AuditLog;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.Flush;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.core.TooLargeException;
import de.zusammenwachsen.workspace.document.boundary.DocumentView.Permission;
import de.zusammenwachsen.workspace.document.control.BlobStore;
import de.zusammenwachsen.workspace.document.control.ContentTypes;
import de.zusammenwachsen.workspace.document.control.DocumentKind;
import de.zusammenwachsen.workspace.document.control.DocumentSettings;
import de.zusammenwachsen.workspace.document.control.Filing;
import de.zusammenwachsen.workspace.document.control.Libraries;
import de.zusammenwachsen.workspace.document.entity.Document;
import de.zusammenwachsen.workspace.document.entity.DocumentComment;
import de.zusammenwachsen.workspace.document.entity.DocumentVersion;
import de.zusammenwachsen.workspace.document.entity.FileNames;
import de.zusammenwachsen.workspace.document.entity.Folder;
import de.zusammenwachsen.workspace.document.entity.StoredFile;
import de.zusammenwachsen.workspace.document.entity.VersionText;
import de.zusammenwachsen.workspace.group.control.Groups;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.network.entity.ActionField;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A group's documents: upload (new documents and new versions), read, describe, rename, move, restore a version,
 * trash, download and comment. Every method asks the {@link AccessPolicy}; contents go through the {@link BlobStore},
 * written and synced before the transaction commits.
 */
@Stateless
public class Documents {

    /** The preview of a text file shows at most this much of it; the download has the rest. */
    static final int PREVIEW_BYTES = 256 * 1024;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Groups groups;

    @Inject
    Libraries libraries;

    @Inject
    Filing filing;

    @Inject
    AuditLog audit;

    private final AccessPolicy policy = new AccessPolicy();

    /**
     * Stores a file in a folder (null: the top). A document of the same name there gets it as its next version;
     * otherwise a new document is made.
     */
    public DocumentView.Uploaded upload(String slug, Long folderId, String fileName, InputStream content, long declaredSize,
                                        String comment) {
        WorkingGroup group = groups.bySlug(slug);
        Viewer viewer = caller.viewer();
        policy.require(viewer, DocumentAction.UPLOAD, AccessPolicy.GroupFacts.of(group), null);
        String name = FileNames.require(fileName);
        Folder folder = libraries.folder(group, folderId);
        StoredFile file = store(group, content, declaredSize, name);
        libraries.lock(group);
        libraries.requireRoom(group, file.size());
        return filing.put(group, folder, name, file, comment, viewer.accountId());
    }

    /** Adds a new version to a document; {@code basedOn} is the version the uploader saw (stale: 409). */
    public DocumentView.Uploaded uploadVersion(Long documentId, Integer basedOn, String fileName, InputStream content,
                                               long declaredSize, String comment) {
        Document document = readable(documentId);
        Viewer viewer = caller.viewer();
        WorkingGroup group = document.getGroup();
        policy.require(viewer, DocumentAction.UPLOAD, AccessPolicy.GroupFacts.of(group), document.getCreatedBy());
        if (basedOn != null && basedOn != document.getCurrentNumber()) {
            throw new ConflictException("document.version.conflict", document.getCurrentNumber());
        }
        String name = FileNames.require(fileName == null ? document.getName() : fileName);
        StoredFile file = store(group, content, declaredSize, name);
        libraries.lock(group);
        em.refresh(document);
        libraries.requireRoom(group, file.size());
        DocumentVersion version = document.addVersion(basedOn, file, name, comment, viewer.accountId(), Instant.now());
        Flush.orConflict(em, "error.changedMeanwhile", () -> em.persist(version));
        return new DocumentView.Uploaded(document.getId(), version.getId(), version.getNumber(), false, document.getName());
    }

    /** Makes an older version the newest again, as a new version with the same content (no bytes are copied). */
    public DocumentView.Uploaded restoreVersion(Long documentId, int number, Integer basedOn, String comment) {
        Document document = readable(documentId);
        Viewer viewer = caller.viewer();
        WorkingGroup group = document.getGroup();
        policy.require(viewer, DocumentAction.UPLOAD, AccessPolicy.GroupFacts.of(group), document.getCreatedBy());
        libraries.lock(group);
        em.refresh(document);
        DocumentVersion old = libraries.version(document, number);
        if (basedOn != null && basedOn != document.getCurrentNumber()) {
            throw new ConflictException("document.version.conflict", document.getCurrentNumber());
        }
        libraries.requireRoom(group, old.getSize());
        DocumentVersion version = document.restoreVersion(old, comment, viewer.accountId(), Instant.now());
        version.copyExtraction(old);
        Flush.orConflict(em, "error.changedMeanwhile", () -> em.persist(version));
        em.createQuery("select t from VersionText t where t.versionId = :id", VersionText.class)
                .setParameter("id", old.getId()).getResultStream().findFirst()
                .ifPresent(text -> em.persist(new VersionText(version.getId(), text.getContent())));
        return new DocumentView.Uploaded(document.getId(), version.getId(), version.getNumber(), false, document.getName());
    }

    public DocumentView.Detail detail(Long documentId) {
        Document document = readable(documentId);
        Viewer viewer = caller.viewer();
        WorkingGroup group = document.getGroup();
        List<DocumentVersion> versions = libraries.versions(document);
        List<Long> people = new ArrayList<>();
        people.add(document.getCreatedBy());
        people.add(document.getUpdatedBy());
        versions.forEach(v -> people.add(v.getCreatedBy()));
        Map<Long, String> names = libraries.names(people);
        ActionField field = document.getActionField();
        DocumentVersion current = versions.isEmpty() ? null : versions.get(0);
        return new DocumentView.Detail(document.getId(), group.getId(), group.getSlug(), group.getName(),
                document.getFolder() == null ? null : new DocumentView.FolderRef(document.getFolder().getId(), document.getFolder().getName()),
                libraries.path(document.getFolder()), document.getName(), document.getTitle(), document.getDescription(),
                Set.copyOf(document.getTags()), field == null ? null : field.getSlug(), field == null ? null : field.getName(),
                document.getMediaType(), DocumentKind.of(document.getMediaType()), document.getSize(),
                document.getCurrentNumber(), current == null ? null : current.getId(), preview(document.getMediaType()),
                document.getCreatedAt(), names.get(document.getCreatedBy()), document.getUpdatedAt(),
                names.get(document.getUpdatedBy()), document.isTrashed(), document.getVersion(),
                versions.stream().map(v -> view(v, names)).toList(), libraries.limits(group),
                Permissions.of(viewer, group, document.getCreatedBy()));
    }

    public DocumentView.Version version(Long versionId) {
        DocumentVersion version = libraries.version(versionId);
        readable(version.getDocument().getId());
        return view(version, libraries.names(List.of(version.getCreatedBy() == null ? -1L : version.getCreatedBy())));
    }

    /** Changes title, description, tags and action field; {@code version} is the one the editor saw (stale: 409). */
    public void describe(Long documentId, int version, String title, String description, Collection<String> tags,
                         String actionFieldSlug) {
        Document document = editable(documentId, version);
        ActionField field = null;
        if (actionFieldSlug != null && !actionFieldSlug.isBlank()) {
            field = em.createQuery("select f from ActionField f where f.slug = :slug", ActionField.class)
                    .setParameter("slug", actionFieldSlug).getResultStream().findFirst()
                    .orElseThrow(() -> new InvalidInputException("document.actionField.unknown"));
        }
        document.describe(title, description, tags, field, caller.accountId(), Instant.now());
        Flush.orConflict(em, "error.changedMeanwhile");
    }

    public void rename(Long documentId, int version, String name) {
        Document document = editable(documentId, version);
        String clean = FileNames.require(name);
        if (!clean.equals(document.getName())) {
            Document other = libraries.documentNamed(document.getGroup(), document.getFolder(), clean);
            if (other != null && other != document) {
                throw new ConflictException("document.name.taken", clean);
            }
            String before = document.getName();
            document.rename(clean, caller.accountId(), Instant.now());
            audit.record("document.renamed", document.getGroup(), before + " → " + clean, null);
        }
        Flush.orConflict(em, "error.changedMeanwhile");
    }

    public void move(Long documentId, int version, Long folderId) {
        Document document = editable(documentId, version);
        Folder target = libraries.folder(document.getGroup(), folderId);
        Document other = libraries.documentNamed(document.getGroup(), target, document.getName());
        if (other != null && other != document) {
            throw new ConflictException("document.name.taken", document.getName());
        }
        document.moveTo(target, caller.accountId(), Instant.now());
        audit.record("document.moved", document.getGroup(), document.getName(), target == null ? "/" : target.getName());
        Flush.orConflict(em, "error.changedMeanwhile");
    }

    /** Moves a document to the group's trash; its author and the moderators may. */
    public void trash(Long documentId) {
        Document document = readable(documentId);
        if (document.isTrashed()) {
            return;
        }
        policy.require(caller.viewer(), DocumentAction.TRASH, AccessPolicy.GroupFacts.of(document.getGroup()), document.getCreatedBy());
        document.trash(caller.accountId(), Instant.now(), null);
        audit.record("document.trashed", document.getGroup(), document.getName(), null);
    }

    public DocumentView.Download download(Long versionId) {
        DocumentVersion version = libraries.version(versionId);
        readable(version.getDocument().getId());
        return download(version);
    }

    public DocumentView.Download downloadCurrent(Long documentId) {
        Document document = readable(documentId);
        return download(libraries.version(document, document.getCurrentNumber()));
    }

    private DocumentView.Download download(DocumentVersion version) {
        String type = version.getMediaType();
        return new DocumentView.Download(version.getId(), version.getFileName(), type, ContentTypes.served(type),
                ContentTypes.inline(type), version.getSize(), version.getBlobHash());
    }

    /**
     * Streams a download that {@link #download} granted. Outside any transaction: a slow client must not hold a
     * database connection for minutes.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void stream(DocumentView.Download download, OutputStream out) throws IOException {
        BlobStore.configured().copyVerified(download.hash(), download.size(), out);
    }

    /** The beginning of a text file, decoded as UTF-8 or, failing that, as Windows-1252, for the preview. */
    public String previewText(Long versionId) {
        DocumentVersion version = libraries.version(versionId);
        readable(version.getDocument().getId());
        if (!ContentTypes.text(version.getMediaType())) {
            throw new InvalidInputException("document.preview.none");
        }
        byte[] bytes;
        try (InputStream in = BlobStore.configured().open(version.getBlobHash())) {
            bytes = in.readNBytes(PREVIEW_BYTES);
        } catch (IOException e) {
            throw new NotFoundException();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // Cut in the middle of a multi-byte character at the preview limit is still UTF-8.
            if (bytes.length == PREVIEW_BYTES) {
                String lenient = new String(bytes, StandardCharsets.UTF_8);
                if (lenient.indexOf('\uFFFD') >= lenient.length() - 4) {
                    return lenient.substring(0, lenient.indexOf('\uFFFD'));
                }
            }
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    /** The text extracted from a version, for the search index and the API; 404 while there is none. */
    public String extractedText(Long versionId) {
        DocumentVersion version = libraries.version(versionId);
        readable(version.getDocument().getId());
        VersionText text = em.find(VersionText.class, versionId);
        if (text == null) {
            throw new NotFoundException();
        }
        return text.getContent();
    }

    public List<DocumentView.Comment> comments(Long documentId) {
        Document document = readable(documentId);
        Viewer viewer = caller.viewer();
        List<DocumentComment> comments = em.createQuery("select c from DocumentComment c where c.document = :d "
                + "order by c.createdAt, c.id", DocumentComment.class).setParameter("d", document).getResultList();
        Map<Long, String> names = libraries.names(comments.stream().map(DocumentComment::getAuthorId).toList());
        return comments.stream().map(c -> new DocumentView.Comment(c.getId(), names.get(c.getAuthorId()), c.getBody(),
                c.getCreatedAt(), policy.permits(viewer, DocumentAction.TRASH, AccessPolicy.GroupFacts.of(document.getGroup()),
                c.getAuthorId()))).toList();
    }

    public DocumentView.Comment comment(Long documentId, String body) {
        Document document = readable(documentId);
        Viewer viewer = caller.viewer();
        policy.require(viewer, DocumentAction.COMMENT, AccessPolicy.GroupFacts.of(document.getGroup()), null);
        DocumentComment comment = new DocumentComment(document, viewer.accountId(), body, Instant.now());
        Flush.orConflict(em, "error.changedMeanwhile", () -> em.persist(comment));
        return new DocumentView.Comment(comment.getId(), libraries.name(viewer.accountId()), comment.getBody(),
                comment.getCreatedAt(), true);
    }

    /** Deletes a comment; its author and the moderators may. */
    public void deleteComment(Long commentId) {
        DocumentComment comment = commentId == null ? null : em.find(DocumentComment.class, commentId);
        if (comment == null) {
            throw new NotFoundException();
        }
        Document document = readable(comment.getDocument().getId());
        policy.require(caller.viewer(), DocumentAction.TRASH, AccessPolicy.GroupFacts.of(document.getGroup()), comment.getAuthorId());
        em.remove(comment);
    }

    private StoredFile store(WorkingGroup group, InputStream content, long declaredSize, String name) {
        long max = DocumentSettings.maxFileBytes();
        if (declaredSize > max) {
            throw new TooLargeException("document.file.tooLarge", max / (1024 * 1024));
        }
        // Fails fast on a file that cannot fit, before its bytes are read; checked again, exactly, under the lock.
        libraries.requireRoom(group, Math.max(0, declaredSize));
        return BlobStore.configured().store(content, max, name, "document.file.tooLarge");
    }

    /** The document if the viewer may read it; one in the trash only for those who manage the trash. */
    Document readable(Long documentId) {
        Document document = libraries.document(documentId);
        Viewer viewer = caller.viewer();
        AccessPolicy.GroupFacts facts = AccessPolicy.GroupFacts.of(document.getGroup());
        policy.require(viewer, DocumentAction.READ, facts, document.getCreatedBy());
        if (document.isTrashed() && !policy.permits(viewer, DocumentAction.MANAGE_TRASH, facts, null)) {
            throw new NotFoundException();
        }
        return document;
    }

    private Document editable(Long documentId, int version) {
        Document document = readable(documentId);
        policy.require(caller.viewer(), DocumentAction.EDIT, AccessPolicy.GroupFacts.of(document.getGroup()), document.getCreatedBy());
        if (document.isTrashed()) {
            throw new ConflictException("document.trashed");
        }
        if (document.getVersion() != version) {
            throw new ConflictException("error.changedMeanwhile");
        }
        return document;
    }

    static DocumentView.PreviewKind preview(String mediaType) {
        String base = DocumentKind.base(mediaType);
        if (base.equals("application/pdf")) {
            return DocumentView.PreviewKind.PDF;
        }
        if (ContentTypes.inline(base) && base.startsWith("image/")) {
            return DocumentView.PreviewKind.IMAGE;
        }
        return ContentTypes.text(base) ? DocumentView.PreviewKind.TEXT : DocumentView.PreviewKind.NONE;
    }

    static DocumentView.Version view(DocumentVersion v, Map<Long, String> names) {
        return new DocumentView.Version(v.getId(), v.getNumber(), v.getFileName(), v.getSize(), v.getMediaType(),
                v.getComment(), v.getCreatedAt(), names.get(v.getCreatedBy()), v.getExtractionState(),
                v.getExtractedChars(), v.getExtractedLanguage(), v.isExtractionTruncated(), v.getExtractionError(),
                v.getExtractionMillis());
    }
}
