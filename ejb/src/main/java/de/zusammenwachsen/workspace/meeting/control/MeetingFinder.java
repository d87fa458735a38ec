package de.zusammenwachsen.workspace.meeting.control;

import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.meeting.entity.AgendaItem;
import de.zusammenwachsen.workspace.meeting.entity.Meeting;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** Loads meetings and agenda items for the boundaries; anything that does not exist is a 404. */
@Dependent
public class MeetingFinder {

    @PersistenceContext
    EntityManager em;

    public Meeting meeting(Long id) {
        Meeting meeting = id == null ? null : em.find(Meeting.class, id);
        if (meeting == null) {
            throw new NotFoundException();
        }
        return meeting;
    }

    /**
     * The meeting under a write lock, for changes of its agenda: positions are numbered across items, so two
     * reorders or proposals at once must take turns.
     */
    public Meeting meetingForUpdate(Long id) {
        Meeting meeting = meeting(id);
        em.refresh(meeting, LockModeType.PESSIMISTIC_WRITE);
        return meeting;
    }

    public AgendaItem item(Long id) {
        AgendaItem item = id == null ? null : em.find(AgendaItem.class, id);
        if (item == null) {
            throw new NotFoundException();
        }
        return item;
    }

    /** Accepted items in order, then proposals in the order they came. */
    public List<AgendaItem> agenda(Meeting meeting) {
        return em.createQuery("select i from AgendaItem i where i.meeting = :m order by i.state, i.position, i.id",
                AgendaItem.class).setParameter("m", meeting).getResultList();
    }

    public int nextPosition(Meeting meeting) {
        Integer max = em.createQuery("select max(i.position) from AgendaItem i where i.meeting = :m", Integer.class)
                .setParameter("m", meeting).getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
