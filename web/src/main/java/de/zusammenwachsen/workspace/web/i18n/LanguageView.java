package de.zusammenwachsen.workspace.web.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.util.Locale;

/**
 * The visitor's UI language: German unless they switch to English ({@link LanguageServlet}). A logged-in member's
 * choice is kept in the session, a guest's in a cookie: a guest's page view must not create a session (a crawler
 * would otherwise fill the heap with them, one per request), so this bean is request-scoped and never asks for one.
 */
@Named
@RequestScoped
public class LanguageView {

    /** The session attribute of a logged-in member's language. */
    static final String ATTRIBUTE = "zw.language";
    /** The cookie of a guest's language (and a member's, for after the logout). */
    static final String COOKIE = "zw-language";

    @Inject
    HttpServletRequest request;

    private String language;

    public Locale getLocale() {
        return "en".equals(getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
    }

    public String getLanguage() {
        if (language == null) {
            language = of(request);
        }
        return language;
    }

    /** Takes a language for this request and, where a session exists (a member's), for the session. */
    public void setLanguage(String chosen) {
        language = normalised(chosen);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(ATTRIBUTE, language);
        }
    }

    /** The language of a request: the session's if there is one that has it, else the cookie's, else German. */
    static String of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(ATTRIBUTE) instanceof String kept) {
            return kept;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return normalised(cookie.getValue());
                }
            }
        }
        return "de";
    }

    /** The locale of a request outside Faces, by the same rule. */
    public static Locale localeOf(HttpServletRequest request) {
        return "en".equals(of(request)) ? Locale.ENGLISH : Locale.GERMAN;
    }

    /** Remembers a guest's (or member's) choice in a cookie for a year; it holds only "de" or "en". */
    static void remember(HttpServletRequest request, HttpServletResponse response, String chosen) {
        Cookie cookie = new Cookie(COOKIE, normalised(chosen));
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private static String normalised(String chosen) {
        return "en".equals(chosen) ? "en" : "de";
    }
}
