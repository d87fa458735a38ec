package de.zusammenwachsen.workspace.meeting.boundary;

import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.meeting.entity.Outcome;
import de.zusammenwachsen.workspace.meeting.entity.VoteMode;
import de.zusammenwachsen.workspace.network.boundary.Network;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the decisions register hands to the page, the API and the feed: decisions already filtered by what the
 * viewer may see, each with only the links the viewer may follow.
 */
public final class RegisterView {

    private RegisterView() {
    }

    /**
     * What the register is narrowed to; every part optional (null). {@code region} is a region's slug or id;
     * {@code from} and {@code to} bound the day of the decision, both included; {@code text} is searched in the
     * wording, ignoring case; {@code decision} picks one decision (the feed's links point to it).
     */
    public record Filter(String actionField, String group, String region, LocalDate from, LocalDate to, Outcome outcome,
                         String text, Long decision) {

        public static final Filter NONE = new Filter(null, null, null, null, null, null, null, null);

        public boolean isEmpty() {
            return equals(NONE);
        }
    }

    /**
     * The group a decision belongs to. For a viewer who may not see the group (a hidden one), {@code name} is the
     * neutral "a working group of the network" in the viewer's language and {@code slug} is null (no link), so that
     * a published decision never tells that the group exists.
     */
    public record GroupRef(String name, String slug) {
    }

    /**
     * One decision. {@code meetingTitle} and {@code meetingId} (the address of the minutes) are null unless the
     * viewer may read the group's meetings: a published decision of a private or hidden group shows the decision
     * only. Vote counts are null for a consensus.
     */
    public record Entry(Long id, String wording, VoteMode voteMode, Integer votesFor, Integer votesAgainst,
                        Integer abstentions, Outcome outcome, boolean published, LocalDate decidedOn,
                        Instant approvedAt, GroupRef group, List<Network.ActionFieldInfo> actionFields,
                        List<Network.RegionInfo> regions, String meetingTitle, Long meetingId) {

        public boolean minutesReadable() {
            return meetingId != null;
        }

        public boolean counted() {
            return voteMode == VoteMode.COUNTED;
        }
    }

    /** Figures for the whole filtered register (not only the page shown): what a funder asks first. */
    public record Totals(long decisions, long adopted, long rejected, long postponed, long groups) {
    }

    /** A group to choose in the register's filter: one that has decisions the viewer sees. */
    public record GroupChoice(String slug, String name) {
    }

    public record Register(Page<Entry> decisions, Totals totals) {
    }
}
