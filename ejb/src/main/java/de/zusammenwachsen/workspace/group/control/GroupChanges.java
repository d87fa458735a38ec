package de.zusammenwachsen.workspace.group.control;

import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Tells the {@link GroupDirectory} about every write of a group, whichever code made it: a listener on the entity
 * cannot be forgotten the way a call in each boundary method could.
 */
public class GroupChanges {

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(WorkingGroup group) {
        // Looked up, not injected: entity listeners are created by the persistence provider, also outside CDI.
        CDI.current().select(GroupDirectory.class).get().changed();
    }
}
