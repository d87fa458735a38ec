package de.zusammenwachsen.workspace.e2e;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The search API as the search tests read it: {@code GET /api/v1/search}, its hits as (type, id) pairs, its type facet
 * as counts, and words that occur nowhere else to search for.
 */
final class Searches {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private Searches() {
    }

    /** One hit as the tests compare them: its kind ({@code document}, {@code post}, …) and the item's id. */
    record Item(String type, long id) implements Comparable<Item> {

        @Override
        public int compareTo(Item other) {
            int byType = type.compareTo(other.type);
            return byType != 0 ? byType : Long.compare(id, other.id);
        }

        @Override
        public String toString() {
            return type + ":" + id;
        }
    }

    /**
     * A made-up word of 8 random letters, found in no text but the ones a test writes it into. Shorter than the 9
     * letters from which the index splits words into compound parts, so it stays one word; among 26^8 of them, the
     * typo-tolerant second try of a search (edit distance 2, first letter kept) practically never reaches another
     * test's word.
     */
    static String token(Random random) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return word.toString();
    }

    /** The first page (up to 100 hits) of a search for {@code text}, with {@code more} appended to the query string. */
    static JsonObject search(ApiClient api, String text, String more) {
        ApiClient.Answer answer = api.get("/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&size=100"
                + (more == null ? "" : more));
        assertEquals(200, answer.status(), text + ": " + answer.body());
        return answer.json();
    }

    static JsonObject search(ApiClient api, String text) {
        return search(api, text, null);
    }

    static Set<Item> items(JsonObject result) {
        Set<Item> items = new LinkedHashSet<>();
        for (JsonValue hit : result.getJsonArray("hits")) {
            JsonObject h = hit.asJsonObject();
            items.add(new Item(h.getString("type"), h.getJsonNumber("id").longValue()));
        }
        return items;
    }

    static long total(JsonObject result) {
        return result.getJsonNumber("total").longValue();
    }

    /** The type facet as key → count, leaving out zero counts. */
    static Map<String, Long> typeFacet(JsonObject result) {
        Map<String, Long> counts = new TreeMap<>();
        JsonObject facets = result.getJsonObject("facets");
        for (JsonObject value : facets.getJsonArray("type").getValuesAs(JsonObject.class)) {
            long count = value.getJsonNumber("count").longValue();
            if (count > 0) {
                counts.put(value.getString("key"), count);
            }
        }
        return counts;
    }

    /** What the type facet must show for these items. */
    static Map<String, Long> countByType(Set<Item> items) {
        return new TreeMap<>(items.stream().collect(Collectors.groupingBy(Item::type, Collectors.counting())));
    }

    /**
     * Compares a search's answer with the items expected: the hits, the total and the type facet must all show
     * exactly them. Answers the differences, empty when there are none.
     */
    static List<String> differences(String who, JsonObject result, Set<Item> expected) {
        Set<Item> found = items(result);
        List<String> wrong = new java.util.ArrayList<>();
        if (!found.equals(expected)) {
            Set<Item> missing = new java.util.TreeSet<>(expected);
            missing.removeAll(found);
            Set<Item> extra = new java.util.TreeSet<>(found);
            extra.removeAll(expected);
            wrong.add(who + ": hits missing " + missing + ", not readable but found " + extra);
        }
        if (total(result) != expected.size()) {
            wrong.add(who + ": total " + total(result) + ", expected " + expected.size());
        }
        Map<String, Long> facet = typeFacet(result);
        if (!facet.equals(countByType(expected))) {
            wrong.add(who + ": type facet " + facet + ", expected " + countByType(expected));
        }
        return wrong;
    }
}
