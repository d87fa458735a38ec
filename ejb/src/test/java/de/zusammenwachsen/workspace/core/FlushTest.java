package de.zusammenwachsen.workspace.core;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlushTest {

    @Test
    void recognisesUniqueViolationsOfH2AndPostgreSqlDeepInTheCauseChain() {
        assertTrue(Flush.violatesConstraint(new PersistenceException(new RuntimeException(new SQLException("dup", "23505")))));
        assertTrue(Flush.violatesConstraint(new SQLException("fk", "23503")));
        assertFalse(Flush.violatesConstraint(new PersistenceException(new SQLException("timeout", "57014"))));
        assertFalse(Flush.violatesConstraint(new PersistenceException("no cause")));
    }
}
