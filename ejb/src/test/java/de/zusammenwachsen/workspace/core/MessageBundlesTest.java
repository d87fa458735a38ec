package de.zusammenwachsen.workspace.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every text exists in German and English, and every pattern with arguments is a valid MessageFormat. */
class MessageBundlesTest {

    private static Properties load(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/de/zusammenwachsen/workspace/i18n/messages_" + language + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void germanAndEnglishHaveTheSameKeys() throws IOException {
        Properties de = load("de");
        Properties en = load("en");
        TreeSet<String> onlyDe = new TreeSet<>(de.stringPropertyNames());
        onlyDe.removeAll(en.stringPropertyNames());
        TreeSet<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(de.stringPropertyNames());
        assertEquals("[]", onlyDe.toString(), "missing in English");
        assertEquals("[]", onlyEn.toString(), "missing in German");
        assertTrue(de.size() > 300, "the bundles hold the texts of all pages");
    }

    @Test
    void patternsWithArgumentsAreValidMessageFormats() throws IOException {
        for (String language : new String[]{"de", "en"}) {
            Properties p = load(language);
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                if (pattern.contains("{0") || pattern.contains("{1")) {
                    String formatted = new MessageFormat(pattern).format(new Object[]{1, "b", "c", "d", "e", "f"});
                    assertTrue(!formatted.contains("{0") && !formatted.contains("{1"), language + ": " + key);
                }
            }
        }
    }
}
