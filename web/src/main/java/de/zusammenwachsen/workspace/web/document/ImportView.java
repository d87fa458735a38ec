package de.zusammenwachsen.workspace.web.document;

import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.document.boundary.DocumentView;
import de.zusammenwachsen.workspace.document.boundary.Imports;
import de.zusammenwachsen.workspace.document.entity.ImportState;
import de.zusammenwachsen.workspace.group.boundary.GroupView;
import de.zusammenwachsen.workspace.group.boundary.WorkingGroups;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bulk import for moderators: a ZIP archive becomes folders and documents in the background; the page shows each
 * import's progress and the group's text extraction, refreshed while anything is still running.
 */
@Named
@RequestScoped
public class ImportView {

    private static final Logger LOG = Logger.getLogger(ImportView.class.getName());

    @Inject
    Imports imports;

    @Inject
    WorkingGroups groups;

    @Inject
    UploadLog uploads;

    private String slug;
    private Long folder;
    private GroupView.Detail group;
    private List<DocumentView.Import> list;
    private DocumentView.ExtractionStatus extraction;

    @PostConstruct
    void identify() {
        slug = Requests.param("slug");
        folder = LibraryView.longParam("folder");
    }

    /** Loads the imports before rendering: 404 for those who may not see the group, 403 for members who may not import. */
    public void load() {
        getImports();
    }

    /** Refuses an archive over the limit in the browser, before any byte travels (see LibraryView#getSizeCheck). */
    public String getSizeCheck() {
        String text = Notes.text("documents.upload.tooLarge",
                FileSizes.format(imports.maxBytes(), jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale()));
        return "if (file.size > " + imports.maxBytes() + ") { this.showMessage({summary: file.name + ': ' + "
                + LibraryView.script(text) + ", detail: ''}); } else { callback(file); }";
    }

    public GroupView.Detail getGroup() {
        if (group == null) {
            group = groups.bySlug(slug);
        }
        return group;
    }

    public List<DocumentView.Import> getImports() {
        if (list == null) {
            list = imports.ofGroup(slug);
        }
        return list;
    }

    public DocumentView.ExtractionStatus getExtraction() {
        if (extraction == null) {
            extraction = imports.extraction(slug);
        }
        return extraction;
    }

    /** Whether the page should keep asking for progress: an import or an extraction is not finished. */
    public boolean isRunning() {
        DocumentView.ExtractionStatus e = getExtraction();
        return e.pending() + e.running() > 0
                || getImports().stream().anyMatch(i -> i.state() == ImportState.PENDING || i.state() == ImportState.RUNNING);
    }

    /** Percent of the group's versions whose extraction is finished (done or failed). */
    public int getExtractionPercent() {
        DocumentView.ExtractionStatus e = getExtraction();
        long all = e.pending() + e.running() + e.done() + e.failed();
        return all == 0 ? 100 : (int) (100 * (e.done() + e.failed()) / all);
    }

    /** Why an import stopped, as people read it; the boundary gives a reason such as "quota" or "archiveUnreadable". */
    public String error(String reason) {
        String key = "import.error." + reason;
        String text = Notes.text(key);
        return text.equals(key) ? Notes.text("import.error.failed") : text;
    }

    public void start(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        String fileName = file.getFileName();
        try (InputStream in = file.getInputStream()) {
            DocumentView.Import started = imports.start(slug, folder, fileName, in, file.getSize());
            uploads.add(started.fileName(), true, Notes.text("documents.import.started", started.fileName()));
        } catch (DomainException e) {
            uploads.add(fileName, false, Notes.text("documents.upload.refused", fileName, Notes.text(e)));
        } catch (IOException | EJBException e) {
            LOG.log(Level.WARNING, "Import upload of " + fileName + " failed", e);
            uploads.add(fileName, false, Notes.text("documents.upload.refused", fileName, Notes.text("documents.upload.failed")));
        }
        list = null;
        extraction = null;
    }

    /** The poll's listener: nothing to do, the re-rendered panel reads the current state. */
    public void refresh() {
        list = null;
        extraction = null;
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
}
