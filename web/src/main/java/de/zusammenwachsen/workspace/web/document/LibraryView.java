package de.zusammenwachsen.workspace.web.document;

import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.document.boundary.Documents;
import de.zusammenwachsen.workspace.document.boundary.DocumentView;
import de.zusammenwachsen.workspace.document.boundary.Library;
import de.zusammenwachsen.workspace.document.control.DocumentKind;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.shell.Paging;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One folder of a group's library: subfolders, documents (sorted, filtered, paged), uploads of many files at once,
 * and the folder's own actions (new subfolder, rename, move, trash). Filters, sort and page travel as GET
 * parameters, so that every view of the list has its own address.
 */
@Named
@RequestScoped
public class LibraryView {

    private static final Logger LOG = Logger.getLogger(LibraryView.class.getName());

    @Inject
    Library libraries;

    @Inject
    Documents documents;

    @Inject
    UploadLog uploads;

    private String slug;
    private Long folder;
    private String tag;
    private DocumentKind kind;
    private DocumentView.Sort sort;
    private boolean descending;
    private Integer page;

    private String newFolderName;
    private String folderName;
    private String targetFolder;
    private int folderVersion;

    private DocumentView.Library library;
    private List<DocumentView.FolderRef> moveChoices;

    @PostConstruct
    void identify() {
        slug = Requests.param("slug");
        folder = longParam("folder");
        tag = Requests.param("tag");
        kind = enumParam(DocumentKind.class, "kind");
        sort = enumParam(DocumentView.Sort.class, "sort");
        descending = "true".equals(Requests.param("desc"));
        page = Requests.intParam("page");
    }

    /** Loads the folder before rendering (404 at once for what the viewer may not see); fills the folder forms once. */
    public void load() {
        DocumentView.Library shown = getLibrary();
        if (!FacesContext.getCurrentInstance().isPostback() && shown.folder() != null) {
            folderName = shown.folder().name();
            folderVersion = shown.folderVersion();
            targetFolder = parentOf(shown) == null ? "" : String.valueOf(parentOf(shown));
        }
    }

    public DocumentView.Library getLibrary() {
        if (library == null) {
            DocumentView.Query query = new DocumentView.Query(tag, kind, sort == null ? DocumentView.Sort.NAME : sort, descending);
            library = libraries.folder(slug, folder, query, Paging.first(page, Paging.SIZE), Paging.SIZE);
        }
        return library;
    }

    public Paging getPaging() {
        return Paging.of(getLibrary().documents());
    }

    /** "max. 100 MB pro Datei, 1,2 GB von 5 GB belegt": what the group may still upload, shown before choosing files. */
    public String getLimitsText() {
        DocumentView.Limits limits = getLibrary().limits();
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return Notes.text("documents.limits", FileSizes.format(limits.maxFileBytes(), locale),
                FileSizes.format(limits.usedBytes(), locale), FileSizes.format(limits.quotaBytes(), locale));
    }

    /** The German message of the upload field when a chosen file is larger than allowed. */
    public String getTooLargeText() {
        return Notes.text("documents.upload.tooLarge",
                FileSizes.format(getLibrary().limits().maxFileBytes(), FacesContext.getCurrentInstance().getViewRoot().getLocale()));
    }

    /**
     * The body of the upload field's {@code onAdd(file, callback)}: a file over the limit is refused in the browser,
     * with the message in the field, before any byte travels; others go on to upload. (PrimeFaces checks
     * {@code p:validateFile} in the browser only with client-side validation switched on for the whole application.)
     */
    public String getSizeCheck() {
        return "if (file.size > " + getLibrary().limits().maxFileBytes() + ") { this.showMessage({summary: file.name + ': ' + "
                + script(getTooLargeText()) + ", detail: ''}); } else { callback(file); }";
    }

    /** A JavaScript string literal that cannot end the string or the script element it stands in. */
    static String script(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == '"' || c == '\\' || c == '\'' || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                literal.append(String.format("\\u%04x", (int) c));
            } else {
                literal.append(c);
            }
        }
        return literal.append('"').toString();
    }

    public DocumentKind[] getKinds() {
        return DocumentKind.values();
    }

    /** The parent of the shown folder (null: the top), where one lands after trashing the folder. */
    private static Long parentOf(DocumentView.Library shown) {
        List<DocumentView.FolderRef> path = shown.path();
        return path.size() < 2 ? null : path.get(path.size() - 2).id();
    }

    /** Folders the shown folder may move into: all but itself and what lies below it; "" is the top. */
    public List<DocumentView.FolderRef> getMoveChoices() {
        if (moveChoices == null) {
            String own = getLibrary().path().stream().map(DocumentView.FolderRef::name).collect(Collectors.joining(" / "));
            moveChoices = libraries.folderChoices(slug).stream()
                    .filter(c -> !c.id().equals(folder) && !c.name().startsWith(own + " / ")).toList();
        }
        return moveChoices;
    }

    /** The address of this list sorted by {@code column}; the column already sorted by flips its direction. */
    public String sortLink(String column) {
        boolean active = column.equals(currentSort().name());
        return link(folder, tag, kind, column, active ? !descending : column.equals("UPDATED") || column.equals("SIZE"), null);
    }

    /** The value of {@code aria-sort} for a column header. */
    public String ariaSort(String column) {
        if (!column.equals(currentSort().name())) {
            return "none";
        }
        return descending ? "descending" : "ascending";
    }

    public boolean isFiltered() {
        return tag != null || kind != null;
    }

    private DocumentView.Sort currentSort() {
        return sort == null ? DocumentView.Sort.NAME : sort;
    }

    /** This folder's documents with the tag {@code value}. */
    public String tagLink(String value) {
        return link(folder, value, null, sort == null ? null : sort.name(), descending, null);
    }

    /** The address of another folder of this library, keeping the sort. */
    public String folderLink(Long folderId) {
        return link(folderId, null, null, sort == null ? null : sort.name(), descending, null);
    }

    private String link(Long folderId, String tagValue, DocumentKind kindValue, String sortValue, boolean desc, Integer pageValue) {
        StringBuilder url = new StringBuilder(FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath())
                .append("/groups/documents.xhtml?slug=").append(encode(slug));
        if (folderId != null) {
            url.append("&folder=").append(folderId);
        }
        if (tagValue != null) {
            url.append("&tag=").append(encode(tagValue));
        }
        if (kindValue != null) {
            url.append("&kind=").append(kindValue.name());
        }
        if (sortValue != null) {
            url.append("&sort=").append(sortValue);
        }
        if (desc) {
            url.append("&desc=true");
        }
        if (pageValue != null) {
            url.append("&page=").append(pageValue);
        }
        return url.toString();
    }

    /** One file of a (multiple) upload: each arrives in its own request; its outcome joins the page's upload log. */
    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        String fileName = file.getFileName();
        try (InputStream in = file.getInputStream()) {
            DocumentView.Uploaded done = documents.upload(slug, folder, fileName, in, file.getSize(), null);
            uploads.add(done.name(), true, done.newDocument() ? Notes.text("documents.upload.created", done.name())
                    : Notes.text("documents.upload.newVersion", done.name(), done.number()));
        } catch (DomainException e) {
            uploads.add(fileName, false, Notes.text("documents.upload.refused", fileName, Notes.text(e)));
        } catch (IOException | EJBException e) {
            LOG.log(Level.WARNING, "Upload of " + fileName + " failed", e);
            uploads.add(fileName, false, Notes.text("documents.upload.refused", fileName, Notes.text("documents.upload.failed")));
        }
        library = null;
    }

    public String createFolder() {
        String name = newFolderName;
        return Messages.attempt(() -> libraries.createFolder(slug, folder, name), "documents.folder.created", name)
                ? redirect(folder) : null;
    }

    public String renameFolder() {
        String name = folderName;
        return Messages.attempt(() -> libraries.renameFolder(folder, folderVersion, name), "documents.folder.renamed", name)
                ? redirect(folder) : null;
    }

    public String moveFolder() {
        Long target = targetFolder == null || targetFolder.isBlank() ? null : Long.valueOf(targetFolder);
        return Messages.attempt(() -> libraries.moveFolder(folder, folderVersion, target), "documents.folder.moved")
                ? redirect(folder) : null;
    }

    public String trashFolder() {
        DocumentView.Library shown = getLibrary();
        String name = shown.folder().name();
        return Messages.attempt(() -> libraries.trashFolder(folder), "documents.folder.trashed", name)
                ? redirect(parentOf(shown)) : null;
    }

    private String redirect(Long folderId) {
        return "/groups/documents?faces-redirect=true&slug=" + encode(slug) + (folderId == null ? "" : "&folder=" + folderId);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static Long longParam(String name) {
        String value = Requests.param(name);
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E enumParam(Class<E> type, String name) {
        String value = Requests.param(name);
        try {
            return value == null ? null : Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public Long getFolder() {
        return folder;
    }

    public void setFolder(Long folder) {
        this.folder = folder;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getKind() {
        return kind == null ? null : kind.name();
    }

    public void setKind(String kind) {
        // Read in identify(); the view parameter only keeps it for links.
    }

    public String getSort() {
        return sort == null ? null : sort.name();
    }

    public void setSort(String sort) {
        // Read in identify().
    }

    public boolean isDescending() {
        return descending;
    }

    public String getDesc() {
        return descending ? "true" : null;
    }

    public void setDesc(String desc) {
        // Read in identify().
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public String getNewFolderName() {
        return newFolderName;
    }

    public void setNewFolderName(String newFolderName) {
        this.newFolderName = newFolderName;
    }

    public String getFolderName() {
        return folderName;
    }

    public void setFolderName(String folderName) {
        this.folderName = folderName;
    }

    public String getTargetFolder() {
        return targetFolder;
    }

    public void setTargetFolder(String targetFolder) {
        this.targetFolder = targetFolder;
    }

    public int getFolderVersion() {
        return folderVersion;
    }

    public void setFolderVersion(int folderVersion) {
        this.folderVersion = folderVersion;
    }
}
