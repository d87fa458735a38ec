package de.zusammenwachsen.workspace.web.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Locale;

/** The visitor's UI language: German unless they switch to English ({@link LanguageServlet}); kept for the session (a few bytes). */
@Named
@SessionScoped
public class LanguageView implements Serializable {

    private String language = "de";

    public Locale getLocale() {
        return "en".equals(language) ? Locale.ENGLISH : Locale.GERMAN;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = "en".equals(language) ? "en" : "de";
    }
}
