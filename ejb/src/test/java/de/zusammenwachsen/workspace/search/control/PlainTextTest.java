package de.zusammenwachsen.workspace.search.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PlainTextTest {

    @Test
    void marksGoWordsStay() {
        assertEquals("Quendelwiesen pflegen\nMahd im Juli, siehe Plan.\nErstens\nZitat",
                PlainText.of("# **Quendelwiesen** pflegen\nMahd im `Juli`, siehe [Plan](http://x/y).\n1. Erstens\n> Zitat"));
        assertEquals(" Ort Zeit \n\n Aue 9 Uhr ", PlainText.of("| Ort | Zeit |\n|---|---|\n| Aue | 9 Uhr |"));
        assertNull(PlainText.of(null));
    }

    @Test
    void lawTextIsLeftAlone() {
        String law = "§ 1 Zweck des Gesetzes (1) Natur und Landschaft sind zu schützen; 2. die Regeneration.";
        assertEquals(law, PlainText.of(law));
    }
}
