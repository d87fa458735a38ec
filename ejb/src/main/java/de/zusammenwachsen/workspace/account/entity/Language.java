package de.zusammenwachsen.workspace.account.entity;

import java.util.Locale;

/** The languages of the UI and of e-mails; German is the default. */
public enum Language {
    DE, EN;

    public Locale locale() {
        return this == EN ? Locale.ENGLISH : Locale.GERMAN;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Language of(String code) {
        return "en".equalsIgnoreCase(code) ? EN : DE;
    }
}
