package de.zusammenwachsen.workspace.web.document;

import de.zusammenwachsen.workspace.document.control.DocumentKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The PrimeIcons class that stands for a kind of document in lists; decoration only, the kind is also written out. */
@Named("kindIcons")
@ApplicationScoped
public class KindIcons {

    public String of(DocumentKind kind) {
        if (kind == null) {
            return "pi pi-file";
        }
        return switch (kind) {
            case PDF -> "pi pi-file-pdf";
            case TEXT -> "pi pi-file-word";
            case SPREADSHEET -> "pi pi-file-excel";
            case PRESENTATION -> "pi pi-chart-bar";
            case IMAGE -> "pi pi-image";
            case ARCHIVE -> "pi pi-box";
            case OTHER -> "pi pi-file";
        };
    }
}
