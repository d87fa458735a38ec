package de.zusammenwachsen.workspace.group.control;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.group.entity.JoinPolicy;
import de.zusammenwachsen.workspace.group.entity.Visibility;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GroupInputTest {

    private static GroupInput input(String slug, String name, String description, List<String> fields) {
        return new GroupInput(slug, name, description, fields, Arrays.asList(" leipzig ", "", null, "leipzig"),
                Visibility.PUBLIC, JoinPolicy.OPEN);
    }

    @Test
    void cleansNamesDescriptionsAndLists() {
        GroupInput in = input(" radwege ", "  Radwege  ", "   ", List.of("mobilitaet", " mobilitaet ", "naturschutz")).cleaned();
        assertEquals("radwege", in.slug());
        assertEquals("Radwege", in.name());
        assertNull(in.description());
        assertEquals(List.of("mobilitaet", "naturschutz"), in.actionFields());
        assertEquals(List.of("leipzig"), in.regions());
    }

    @Test
    void refusesWhatWouldBeHalfAGroup() {
        assertEquals("group.name.required", assertThrows(InvalidInputException.class,
                () -> input("a", " ", null, List.of("x")).cleaned()).key());
        assertEquals("group.name.tooLong", assertThrows(InvalidInputException.class,
                () -> input("a", "x".repeat(151), null, List.of("x")).cleaned()).key());
        assertEquals("group.description.tooLong", assertThrows(InvalidInputException.class,
                () -> input("a", "Name", "x".repeat(5001), List.of("x")).cleaned()).key());
        assertEquals("group.actionFields.required", assertThrows(InvalidInputException.class,
                () -> input("a", "Name", null, List.of(" ")).cleaned()).key());
        assertEquals("group.visibility.required", assertThrows(InvalidInputException.class,
                () -> new GroupInput("a", "Name", null, List.of("x"), List.of(), null, JoinPolicy.OPEN).cleaned()).key());
        for (String slug : new String[]{"Gross", "mit leerzeichen", "-vorne", "hinten-", "<script>", "ä", ""}) {
            GroupInput in = input(slug, "Name", null, List.of("x")).cleaned();
            assertThrows(InvalidInputException.class, in::requireValidSlug, slug);
        }
    }
}
