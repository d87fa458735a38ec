package de.zusammenwachsen.workspace.web.shell;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import org.primefaces.context.PrimeFacesContext;
import org.primefaces.csp.CspException;

/**
 * Checks a postback's PrimeFaces script nonce right after the view is restored. PrimeFaces itself compares it only
 * when it renders the answer, after the action has already run: a form sent without it did its work and then
 * answered 500. Here such a form changes nothing and the page is shown again ({@link ExpiredViewHandler}).
 */
public class NonceCheck implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        if (!context.isPostback() || context.getViewRoot() == null || context.getResponseComplete()) {
            return;
        }
        try {
            PrimeFacesContext.getCspState(context).getNonce();
        } catch (CspException e) {
            ExpiredViewHandler.showAgain(context, context.getViewRoot().getViewId(), false);
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }
}
