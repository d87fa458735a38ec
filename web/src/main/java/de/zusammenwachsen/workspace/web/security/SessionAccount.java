package de.zusammenwachsen.workspace.web.security;

import de.zusammenwachsen.workspace.access.control.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;

/**
 * What a login keeps in the HTTP session: the account and the credentials epoch it logged in with (a dozen bytes,
 * serializable for distributable sessions). Every door that serves a session reads it through {@link #identify},
 * which treats a session of an older epoch (the password has been changed since) as a guest and ends it.
 */
public record SessionAccount(long accountId, int credentialsEpoch) implements Serializable {

    /** The session attribute. */
    static final String ATTRIBUTE = "zw.account";

    /**
     * Tells the caller who the request's session belongs to. A session whose password has been changed since its
     * login (or whose account is disabled) is invalidated, and the request goes on as a guest.
     */
    public static void identify(HttpServletRequest request, Caller caller) {
        HttpSession session = request.getSession(false);
        SessionAccount account = of(session);
        if (account == null) {
            caller.identify(null);
            return;
        }
        if (!caller.identifySession(account.accountId(), account.credentialsEpoch())) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // Ended by a parallel request of the same browser: there is nothing more to end.
            }
        }
    }

    /** The logged-in account of the session, unchecked; null for a guest. */
    public static SessionAccount of(HttpSession session) {
        try {
            return session != null && session.getAttribute(ATTRIBUTE) instanceof SessionAccount account ? account : null;
        } catch (IllegalStateException ended) {
            return null;
        }
    }

    /** Keeps the login in the session (after a login, or after the session's own password change). */
    public static void keep(HttpSession session, long accountId, int credentialsEpoch) {
        session.setAttribute(ATTRIBUTE, new SessionAccount(accountId, credentialsEpoch));
    }
}
