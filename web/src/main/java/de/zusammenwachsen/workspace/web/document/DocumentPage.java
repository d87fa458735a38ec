package de.zusammenwachsen.workspace.web.document;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.document.boundary.Documents;
import de.zusammenwachsen.workspace.document.boundary.DocumentView;
import de.zusammenwachsen.workspace.document.boundary.Library;
import de.zusammenwachsen.workspace.document.entity.ExtractionState;
import de.zusammenwachsen.workspace.network.boundary.Network;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One document: preview, download, metadata, move, new versions and the version history, comments, trash. Every
 * form carries the versions the person saw (the document's edit version, the number of the current file), so that
 * two people working on it at once get a clear conflict instead of overwriting each other.
 */
@Named
@RequestScoped
public class DocumentPage {

    @Inject
    Documents documents;

    @Inject
    Library library;

    @Inject
    Network network;

    private Long id;
    private DocumentView.Detail detail;
    private List<DocumentView.Comment> comments;
    private List<DocumentView.FolderRef> folderChoices;
    private List<Network.ActionFieldInfo> actionFields;
    private String previewText;

    private String title;
    private String description;
    private String tags;
    private String actionField;
    private String name;
    private int version;
    private String targetFolder;
    private Integer basedOn;
    private String versionComment;
    private Part file;
    private String commentBody;

    @PostConstruct
    void identify() {
        id = LibraryView.longParam("id");
    }

    /** Loads the document before rendering (404 at once) and fills the forms on the first request only. */
    public void load() {
        DocumentView.Detail d = getDetail();
        if (!FacesContext.getCurrentInstance().isPostback()) {
            title = d.title();
            description = d.description();
            tags = String.join(", ", d.tags().stream().sorted().toList());
            actionField = d.actionFieldSlug();
            name = d.name();
            version = d.version();
            targetFolder = d.folder() == null ? "" : String.valueOf(d.folder().id());
            basedOn = d.currentNumber();
        }
    }

    public DocumentView.Detail getDetail() {
        if (detail == null) {
            detail = documents.detail(id);
        }
        return detail;
    }

    public List<DocumentView.Comment> getComments() {
        if (comments == null) {
            comments = documents.comments(id);
        }
        return comments;
    }

    public List<DocumentView.FolderRef> getFolderChoices() {
        if (folderChoices == null) {
            folderChoices = library.folderChoices(getDetail().groupSlug());
        }
        return folderChoices;
    }

    public List<Network.ActionFieldInfo> getActionFields() {
        if (actionFields == null) {
            actionFields = network.actionFields();
        }
        return actionFields;
    }

    /** The beginning of a text file, for the preview. */
    public String getPreviewText() {
        if (previewText == null) {
            previewText = documents.previewText(getDetail().currentVersionId());
        }
        return previewText;
    }

    /** "Text ausgelesen: 12.345 Zeichen, Deutsch", "Text wird ausgelesen…" or "Fehlgeschlagen: …" for one version. */
    public String extraction(DocumentView.Version v) {
        ExtractionState state = v.extractionState();
        if (state == null || state == ExtractionState.PENDING || state == ExtractionState.RUNNING) {
            return Notes.text("documents.extraction.pending");
        }
        if (state == ExtractionState.FAILED) {
            String reason = v.extractionError() == null ? "unknown" : v.extractionError();
            String key = "extraction.failed." + reason;
            String text = Notes.text(key);
            return Notes.text("documents.extraction.failed", text.equals(key) ? Notes.text("documents.extraction.failed.unknown") : text);
        }
        int chars = v.extractedChars() == null ? 0 : v.extractedChars();
        String done = v.extractedLanguage() == null || v.extractedLanguage().isBlank()
                ? Notes.text("documents.extraction.done", chars)
                : Notes.text("documents.extraction.doneLanguage", chars, language(v.extractedLanguage()));
        return v.extractionTruncated() ? done + " " + Notes.text("documents.extraction.truncated") : done;
    }

    /** The library's documents with the tag {@code value}. */
    public String tagLink(String value) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/groups/documents.xhtml?slug="
                + URLEncoder.encode(getDetail().groupSlug(), StandardCharsets.UTF_8) + "&tag=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String language(String code) {
        Locale page = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        String shown = Locale.forLanguageTag(code).getDisplayLanguage(page);
        return shown.isBlank() ? code : shown;
    }

    public String save() {
        DocumentView.Detail d = getDetail();
        List<String> tagList = tags == null ? List.of()
                : Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        String newName = name == null ? null : name.strip();
        int seen = version;
        return Messages.attempt(() -> {
            int expected = seen;
            if (newName != null && !newName.isEmpty() && !newName.equals(d.name())) {
                documents.rename(id, expected, newName);
                // A rename writes the document once, so its version is now one higher; a third person's edit in
                // between still conflicts.
                expected++;
            }
            documents.describe(id, expected, blank(title), blank(description), tagList, blank(actionField));
        }, "documents.saved") ? self() : null;
    }

    public String move() {
        Long target = targetFolder == null || targetFolder.isBlank() ? null : Long.valueOf(targetFolder);
        return Messages.attempt(() -> documents.move(id, version, target), "documents.moved") ? self() : null;
    }

    /** A new version from the form's file; {@code basedOn} is the version number the person saw. */
    public String uploadVersion() {
        Part chosen = file;
        DocumentView.Uploaded[] done = new DocumentView.Uploaded[1];
        boolean ok = Messages.attempt(() -> {
            if (chosen == null || chosen.getSubmittedFileName() == null || chosen.getSubmittedFileName().isBlank()) {
                throw new InvalidInputException("documents.version.noFile");
            }
            try (InputStream in = chosen.getInputStream()) {
                done[0] = documents.uploadVersion(id, basedOn, chosen.getSubmittedFileName(), in, chosen.getSize(), blank(versionComment));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, null);
        if (!ok) {
            return null;
        }
        Messages.info("documents.version.uploaded", done[0].number());
        return self();
    }

    public String restore(int number) {
        String comment = Notes.text("documents.version.restoredComment", number);
        DocumentView.Uploaded[] done = new DocumentView.Uploaded[1];
        if (!Messages.attempt(() -> done[0] = documents.restoreVersion(id, number, basedOn, comment), null)) {
            return null;
        }
        Messages.info("documents.version.restored", number, done[0].number());
        return self();
    }

    public String addComment() {
        String body = commentBody;
        return Messages.attempt(() -> documents.comment(id, body), "documents.comment.added") ? self() : null;
    }

    public String deleteComment(Long commentId) {
        return Messages.attempt(() -> documents.deleteComment(commentId), "documents.comment.deleted") ? self() : null;
    }

    /** Moves the document to the trash and goes back to its folder. */
    public String trash() {
        DocumentView.Detail d = getDetail();
        if (!Messages.attempt(() -> documents.trash(id), "documents.trashed", d.name())) {
            return null;
        }
        return "/groups/documents?faces-redirect=true&slug=" + d.groupSlug() + (d.folder() == null ? "" : "&folder=" + d.folder().id());
    }

    private String self() {
        return "/groups/document?faces-redirect=true&id=" + id;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getActionField() {
        return actionField;
    }

    public void setActionField(String actionField) {
        this.actionField = actionField;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public String getTargetFolder() {
        return targetFolder;
    }

    public void setTargetFolder(String targetFolder) {
        this.targetFolder = targetFolder;
    }

    public Integer getBasedOn() {
        return basedOn;
    }

    public void setBasedOn(Integer basedOn) {
        this.basedOn = basedOn;
    }

    public String getVersionComment() {
        return versionComment;
    }

    public void setVersionComment(String versionComment) {
        this.versionComment = versionComment;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public String getCommentBody() {
        return commentBody;
    }

    public void setCommentBody(String commentBody) {
        this.commentBody = commentBody;
    }
}
