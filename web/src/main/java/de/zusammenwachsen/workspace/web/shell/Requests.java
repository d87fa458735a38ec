package de.zusammenwachsen.workspace.web.shell;

import jakarta.faces.context.FacesContext;

/**
 * Request parameters for request-scoped page beans. View parameters reach the bean only in the model-update phase,
 * but on a postback the page's {@code rendered} conditions are evaluated earlier; so the beans read the identifying
 * parameters (which every form repeats as hidden fields) when they are created.
 */
public final class Requests {

    private Requests() {
    }

    public static String param(String name) {
        String value = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
        return value == null || value.isBlank() ? null : value;
    }

    public static Integer intParam(String name) {
        String value = param(name);
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
