package de.zusammenwachsen.workspace.core;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The message bundles of the workspace ({@code messages_de} is the default, {@code messages_en}); pages use
 * them through Faces, e-mails and problem responses through this class.
 */
public final class Texts {

    public static final String BUNDLE = "de.zusammenwachsen.workspace.i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Texts() {
    }

    public static ResourceBundle bundle(Locale locale) {
        Locale effective = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
        return ResourceBundle.getBundle(BUNDLE, effective, Texts.class.getClassLoader(), NO_FALLBACK);
    }

    public static String get(Locale locale, String key, Object... arguments) {
        try {
            String pattern = bundle(locale).getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
