package de.zusammenwachsen.workspace.web.shell;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

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

    /**
     * Whether this request is a Faces postback sent as a form: a POST whose view state the server restored. Only
     * such a request may change anything through request parameters that are not Faces components (plain buttons
     * of a Faces form): the view state is a random server-side secret of the session, so another site cannot make
     * a browser send it, while a view action with {@code onPostback} runs on an ordinary GET (a link) too.
     */
    public static boolean isFormPost() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context.isPostback() && "POST".equals(
                ((HttpServletRequest) context.getExternalContext().getRequest()).getMethod());
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
