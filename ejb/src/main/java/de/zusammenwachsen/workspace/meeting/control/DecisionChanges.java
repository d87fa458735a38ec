package de.zusammenwachsen.workspace.meeting.control;

import de.zusammenwachsen.workspace.meeting.entity.Decision;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Tells the {@link RegisterCounts} about every write of a decision, whichever code made it (saving a draft,
 * approving minutes): a listener on the entity cannot be forgotten the way a call in each boundary method could.
 */
public class DecisionChanges {

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(Decision decision) {
        // Looked up, not injected: entity listeners are created by the persistence provider, also outside CDI.
        CDI.current().select(RegisterCounts.class).get().changed();
    }
}
