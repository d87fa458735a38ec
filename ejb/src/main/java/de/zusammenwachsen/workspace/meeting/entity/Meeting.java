package de.zusammenwachsen.workspace.meeting.entity;

import de.zusammenwachsen.workspace.search.control.SearchableBinder;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A meeting of a group. Times are instants; pages show them in Europe/Berlin. Every change that calendar apps must
 * pick up (time, place, cancellation) raises the iCalendar sequence, so that an updated invitation replaces the old
 * one instead of standing next to it.
 */
@Entity
@Indexed(index = "meeting")
@TypeBinding(binder = @TypeBinderRef(type = SearchableBinder.class,
        params = @Param(name = SearchableBinder.DEPENDS_ON, value = "title,description,place,startsAt,organiserId,cancelledAt")))
@Table(name = "meeting")
public class Meeting {

    public static final int MAX_TITLE = 200;
    public static final int MAX_PLACE = 300;
    public static final int MAX_URL = 500;
    public static final int MAX_DESCRIPTION = 20_000;
    /** Longer "meetings" are typing mistakes (a wrong year), not retreats. */
    public static final Duration MAX_LENGTH = Duration.ofDays(14);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    private WorkingGroup group;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(length = MAX_PLACE)
    private String place;

    @Column(name = "online_url", length = MAX_URL)
    private String onlineUrl;

    private String description;

    @Column(name = "organiser_id")
    private Long organiserId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "ical_sequence", nullable = false)
    private int icalSequence;

    @Version
    private int version;

    protected Meeting() {
    }

    public Meeting(WorkingGroup group, String title, Instant startsAt, Instant endsAt, String place, String onlineUrl,
                   String description, Long organiserId, Instant at) {
        this.group = Objects.requireNonNull(group);
        this.title = requireTitle(title);
        requireTimes(startsAt, endsAt);
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.place = cleanPlace(place);
        this.onlineUrl = cleanUrl(onlineUrl);
        this.description = cleanDescription(description);
        this.organiserId = organiserId;
        this.createdAt = at;
    }

    public static String requireTitle(String title) {
        String clean = oneLine(title);
        if (clean == null) {
            throw new InvalidInputException("meeting.title.required");
        }
        if (clean.length() > MAX_TITLE) {
            throw new InvalidInputException("meeting.title.tooLong", MAX_TITLE);
        }
        return clean;
    }

    public static void requireTimes(Instant startsAt, Instant endsAt) {
        if (startsAt == null || endsAt == null) {
            throw new InvalidInputException("meeting.time.required");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidInputException("meeting.time.endBeforeStart");
        }
        if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
            throw new InvalidInputException("meeting.time.tooLong");
        }
    }

    static String cleanPlace(String place) {
        String clean = oneLine(place);
        if (clean != null && clean.length() > MAX_PLACE) {
            throw new InvalidInputException("meeting.place.tooLong", MAX_PLACE);
        }
        return clean;
    }

    /** Only http(s) links: anything else in a calendar file or a link on the page could run script or open apps. */
    public static String cleanUrl(String url) {
        String clean = oneLine(url);
        if (clean == null) {
            return null;
        }
        if (clean.length() > MAX_URL) {
            throw new InvalidInputException("meeting.onlineUrl.invalid");
        }
        try {
            URI uri = new URI(clean);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidInputException("meeting.onlineUrl.invalid");
            }
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInputException("meeting.onlineUrl.invalid");
        }
        return clean;
    }

    static String cleanDescription(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String clean = description.replace("\u0000", "").strip();
        if (clean.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("meeting.description.tooLong", MAX_DESCRIPTION);
        }
        return clean;
    }

    static String oneLine(String text) {
        // Control characters (a NUL would even be refused by PostgreSQL) become spaces.
        String clean = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ").strip().replaceAll("\\s+", " ");
        return clean.isEmpty() ? null : clean;
    }

    /**
     * Changes the meeting. Returns whether calendar apps must be told (time, place or link changed), in which case
     * the sequence went up.
     */
    public boolean change(String newTitle, Instant newStart, Instant newEnd, String newPlace, String newOnlineUrl,
                          String newDescription) {
        requireNotCancelled();
        String cleanTitle = requireTitle(newTitle);
        requireTimes(newStart, newEnd);
        String cleanPlace = cleanPlace(newPlace);
        String cleanUrl = cleanUrl(newOnlineUrl);
        String cleanDescription = cleanDescription(newDescription);
        boolean relevant = !newStart.equals(startsAt) || !newEnd.equals(endsAt)
                || !Objects.equals(cleanPlace, place) || !Objects.equals(cleanUrl, onlineUrl)
                || !cleanTitle.equals(title);
        this.title = cleanTitle;
        this.startsAt = newStart;
        this.endsAt = newEnd;
        this.place = cleanPlace;
        this.onlineUrl = cleanUrl;
        this.description = cleanDescription;
        if (relevant) {
            icalSequence++;
        }
        return relevant;
    }

    /** Moves the meeting in time; the end must be after the start. */
    public void reschedule(Instant newStart, Instant newEnd) {
        change(title, newStart, newEnd, place, onlineUrl, description);
    }

    public void cancel(Instant at) {
        requireNotCancelled();
        this.cancelledAt = at;
        icalSequence++;
    }

    public void requireNotCancelled() {
        if (cancelledAt != null) {
            throw new ConflictException("meeting.cancelled");
        }
    }

    /** Agenda proposals close when the meeting starts. */
    public boolean hasStarted(Instant now) {
        return !now.isBefore(startsAt);
    }

    public boolean isPast(Instant now) {
        return !now.isBefore(endsAt);
    }

    public boolean isOrganiser(Long accountId) {
        return accountId != null && accountId.equals(organiserId);
    }

    public Long getId() {
        return id;
    }

    public WorkingGroup getGroup() {
        return group;
    }

    public String getTitle() {
        return title;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public String getPlace() {
        return place;
    }

    public String getOnlineUrl() {
        return onlineUrl;
    }

    public String getDescription() {
        return description;
    }

    public Long getOrganiserId() {
        return organiserId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public boolean isCancelled() {
        return cancelledAt != null;
    }

    public int getIcalSequence() {
        return icalSequence;
    }

    public int getVersion() {
        return version;
    }
}
