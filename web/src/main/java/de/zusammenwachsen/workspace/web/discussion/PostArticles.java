package de.zusammenwachsen.workspace.web.discussion;

import de.zusammenwachsen.workspace.discussion.boundary.DiscussionView;
import jakarta.el.ValueExpression;
import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;

import java.io.IOException;
import java.util.List;

/**
 * Writes a run of posts that need no Faces component (see {@link ThreadPage#getRows()}) straight into the response,
 * post by post through one buffer. As one string per run, a page of 200 posts allocated some 6 MB per request (the
 * run grown by doubling, copied again by toString, each post a string of its own); under 20 users the garbage
 * collector then paused the server for several seconds a minute (JFR). Used as
 * {@code <zw:postArticles page="#{threadPage}" run="#{row.run()}"/>}.
 */
@FacesComponent(createTag = true, tagName = "postArticles", namespace = PostArticles.NAMESPACE)
public class PostArticles extends UIComponentBase {

    static final String NAMESPACE = "https://zusammenwachsen.de/faces";

    @Override
    public String getFamily() {
        return "de.zusammenwachsen.PostArticles";
    }

    @Override
    public boolean getRendersChildren() {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked") // "run" is a row's run of ThreadPage.getRows(), a list of posts.
    public void encodeBegin(FacesContext context) throws IOException {
        if (value(context, "page") instanceof ThreadPage page && value(context, "run") instanceof List<?> run) {
            page.writeRun((List<DiscussionView.PostEntry>) run, context.getResponseWriter());
        }
    }

    /** An attribute's expression evaluated directly: the attributes map would first look for a bean property. */
    private Object value(FacesContext context, String name) {
        ValueExpression expression = getValueExpression(name);
        return expression == null ? null : expression.getValue(context.getELContext());
    }
}
