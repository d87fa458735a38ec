package de.zusammenwachsen.workspace.meeting.boundary;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.access.control.MeetingAction;
import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.account.control.SecretTokens;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.core.Settings;
import de.zusammenwachsen.workspace.group.control.Groups;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.meeting.control.IcsWriter;
import de.zusammenwachsen.workspace.meeting.control.Invitations;
import de.zusammenwachsen.workspace.meeting.entity.CalendarFeed;
import de.zusammenwachsen.workspace.meeting.entity.Meeting;
import de.zusammenwachsen.workspace.notification.control.Readers;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Members' private calendar feeds of a group: the URL carries a random token that calendar apps send without
 * logging in. A member has at most one active feed per group; regenerating revokes the old one. The feed answers
 * only while its owner may still read the group.
 */
@Stateless
public class CalendarFeeds {

    /** How far back the feed reaches; older meetings stay in subscribers' calendars anyway. */
    static final Duration HISTORY = Duration.ofDays(90);
    private static final int MAX_EVENTS = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Groups groups;

    @Inject
    Readers readers;

    private final AccessPolicy policy = new AccessPolicy();

    public static String url(String token) {
        return Settings.baseUrl() + "/api/v1/calendar/" + token + ".ics";
    }

    /** The caller's active feed of the group, if there is one. */
    public Optional<MeetingView.Feed> mine(String slug) {
        WorkingGroup group = groups.bySlug(slug);
        Viewer viewer = caller.viewer();
        policy.require(viewer, MeetingAction.READ, AccessPolicy.GroupFacts.of(group), null);
        if (viewer.isGuest()) {
            return Optional.empty();
        }
        return active(viewer.accountId(), group.getId()).map(f -> new MeetingView.Feed(url(f.getToken()), f.getCreatedAt()));
    }

    /** Creates the caller's feed, or shows the active one. */
    public MeetingView.Feed create(String slug) {
        WorkingGroup group = groups.bySlugForUpdate(slug);
        Viewer viewer = caller.viewer();
        policy.require(viewer, MeetingAction.ANSWER, AccessPolicy.GroupFacts.of(group), null);
        CalendarFeed feed = active(viewer.accountId(), group.getId()).orElseGet(() -> {
            CalendarFeed created = new CalendarFeed(viewer.accountId(), group.getId(), SecretTokens.newSecret(),
                    Instant.now());
            em.persist(created);
            return created;
        });
        return new MeetingView.Feed(url(feed.getToken()), feed.getCreatedAt());
    }

    /** Revokes the caller's feed and makes a new one: for a URL that got into the wrong hands. */
    public MeetingView.Feed regenerate(String slug) {
        revoke(slug);
        return create(slug);
    }

    public void revoke(String slug) {
        WorkingGroup group = groups.bySlugForUpdate(slug);
        Viewer viewer = caller.viewer();
        policy.require(viewer, MeetingAction.ANSWER, AccessPolicy.GroupFacts.of(group), null);
        Instant now = Instant.now();
        em.createQuery("select f from CalendarFeed f where f.accountId = :a and f.groupId = :g and f.revokedAt is null",
                        CalendarFeed.class).setParameter("a", viewer.accountId()).setParameter("g", group.getId())
                .getResultList().forEach(f -> f.revoke(now));
        em.flush();
    }

    /**
     * The feed behind a token, without login: the group's meetings of the last 90 days and all upcoming ones.
     * 404 for an unknown or revoked token and when the owner may no longer read the group.
     */
    public String feed(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            throw new NotFoundException();
        }
        CalendarFeed feed = em.createQuery("select f from CalendarFeed f where f.token = :t", CalendarFeed.class)
                .setParameter("t", token).getResultStream().findFirst().orElseThrow(NotFoundException::new);
        if (!feed.isActive() || !readers.mayRead(feed.getAccountId(), feed.getGroupId())) {
            throw new NotFoundException();
        }
        WorkingGroup group = em.find(WorkingGroup.class, feed.getGroupId());
        Instant now = Instant.now();
        List<Meeting> meetings = em.createQuery("select m from Meeting m where m.group = :g and m.endsAt > :from "
                        + "order by m.startsAt, m.id", Meeting.class)
                .setParameter("g", group).setParameter("from", now.minus(HISTORY))
                .setMaxResults(MAX_EVENTS).getResultList();
        return Invitations.writer(group.getName()).write(IcsWriter.Method.PUBLISH, meetings.stream()
                .map(m -> IcsWriter.Event.of(m, Invitations.link(m.getId()), now)).toList());
    }

    private Optional<CalendarFeed> active(Long accountId, Long groupId) {
        return em.createQuery("select f from CalendarFeed f where f.accountId = :a and f.groupId = :g "
                        + "and f.revokedAt is null order by f.id desc", CalendarFeed.class)
                .setParameter("a", accountId).setParameter("g", groupId).getResultStream().findFirst();
    }
}
