package de.zusammenwachsen.workspace.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Protection of the header's plain HTML forms (logout, language) against requests another site makes the browser
 * send. They are no Faces forms: a Faces form makes Mojarra hold everything after it in memory until the page ends
 * (to fill in the view state), which for a thread of 200 posts was a buffer of some 2 MB per request. A Faces form
 * carries its own protection, the view state; these carry a secret of the session ({@link #of}) instead, and the
 * browser's Fetch Metadata is checked as well ({@link #crossSite}).
 */
public final class FormToken {

    /** The form field and the session attribute that hold the secret. */
    public static final String FIELD = "token";
    static final String ATTRIBUTE = "zw.formToken";
    private static final SecureRandom RANDOM = new SecureRandom();

    private FormToken() {
    }

    /** The session's secret, made on first use (256 random bits). */
    public static String of(HttpSession session) {
        // Asked on every page of a logged-in member: the lock only for the first time in a session.
        if (session.getAttribute(ATTRIBUTE) instanceof String existing) {
            return existing;
        }
        synchronized (FormToken.class) {
            Object token = session.getAttribute(ATTRIBUTE);
            if (token instanceof String existing) {
                return existing;
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String made = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(ATTRIBUTE, made);
            return made;
        }
    }

    /** A new session after login gets a new secret: the one shown to the visitor before does not carry over. */
    public static void forget(HttpSession session) {
        session.removeAttribute(ATTRIBUTE);
    }

    /** Whether the request carries the secret of its session (compared in constant time). */
    public static boolean carriedBy(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(ATTRIBUTE);
        String given = request.getParameter(FIELD);
        return expected instanceof String secret && given != null
                && MessageDigest.isEqual(secret.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Whether the browser says the request comes from another site (Fetch Metadata, sent by every current browser);
     * a browser that does not send it is not refused here.
     */
    public static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return site != null && !"same-origin".equals(site) && !"none".equals(site);
    }
}
