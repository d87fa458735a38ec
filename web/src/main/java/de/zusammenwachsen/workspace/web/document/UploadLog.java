package de.zusammenwachsen.workspace.web.document;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What became of each file dropped on an upload field, for as long as the page stays open. Each file travels in a
 * request of its own; the page beans live for one request, so the list of outcomes lives with the view.
 */
@Named
@ViewScoped
public class UploadLog implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One file's outcome: uploaded (with its message) or refused (with the reason). */
    public record Outcome(String fileName, boolean ok, String text) implements Serializable {
    }

    private final List<Outcome> outcomes = new ArrayList<>();

    public synchronized void add(String fileName, boolean ok, String text) {
        outcomes.add(new Outcome(fileName, ok, text));
    }

    public synchronized List<Outcome> getOutcomes() {
        return List.copyOf(outcomes);
    }
}
