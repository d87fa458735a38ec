package de.zusammenwachsen.workspace.search.control;

import de.zusammenwachsen.workspace.discussion.entity.DiscussionThread;
import de.zusammenwachsen.workspace.discussion.entity.Post;
import de.zusammenwachsen.workspace.document.entity.Document;
import de.zusammenwachsen.workspace.document.entity.Folder;
import de.zusammenwachsen.workspace.group.entity.Visibility;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.meeting.entity.ActionItem;
import de.zusammenwachsen.workspace.meeting.entity.Decision;
import de.zusammenwachsen.workspace.meeting.entity.Meeting;
import de.zusammenwachsen.workspace.meeting.entity.Minutes;
import de.zusammenwachsen.workspace.meeting.entity.MinutesNote;
import de.zusammenwachsen.workspace.meeting.entity.MinutesState;
import de.zusammenwachsen.workspace.network.entity.ActionField;
import de.zusammenwachsen.workspace.network.entity.Region;
import de.zusammenwachsen.workspace.notification.control.Links;
import de.zusammenwachsen.workspace.search.boundary.SearchView.Kind;
import de.zusammenwachsen.workspace.search.control.SearchEntry.Audience;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Turns each indexed entity into its {@link SearchEntry}: what is searched, what a hit shows, and who may read it.
 * Runs while Hibernate Search writes the index, inside the transaction that changed the entity, and reads what
 * the entity does not hold itself (the extracted text of a document's current version, names) through the same
 * persistence context.
 */
public final class SearchEntries {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** A decision's wording can be long; its title in a hit is the start of it. */
    static final int TITLE_LENGTH = 160;

    private SearchEntries() {
    }

    /**
     * An indexed entity's whole text as a hit's passage shows it (Markdown's marks removed): the index stores only
     * its start ({@link SearchableBinder#start}).
     */
    public static String passageText(Object entity, EntityManager em) {
        return PlainText.of(of(entity, em).text());
    }

    static SearchEntry of(Object entity, EntityManager em) {
        if (entity instanceof Document document) {
            return document(document, em);
        } else if (entity instanceof Post post) {
            return post(post, em);
        } else if (entity instanceof DiscussionThread thread) {
            return thread(thread, em);
        } else if (entity instanceof Meeting meeting) {
            return meeting(meeting, em);
        } else if (entity instanceof Minutes minutes) {
            return minutes(minutes, em);
        } else if (entity instanceof Decision decision) {
            return decision(decision, em);
        } else if (entity instanceof ActionItem item) {
            return actionItem(item, em);
        } else if (entity instanceof WorkingGroup group) {
            return group(group);
        }
        throw new IllegalArgumentException("Not searchable: " + entity.getClass().getName());
    }

    private static SearchEntry document(Document document, EntityManager em) {
        WorkingGroup group = document.getGroup();
        // Description and content first: a hit's passage is taken from the start of the text.
        StringJoiner text = new StringJoiner("\n");
        add(text, document.getDescription());
        add(text, extractedText(document, em));
        add(text, document.getName());
        document.getTags().forEach(tag -> add(text, tag));
        String title = document.getTitle() == null || document.getTitle().isBlank() ? document.getName() : document.getTitle();
        ActionField field = document.getActionField() != null ? document.getActionField() : group.getPrimaryActionField();
        Long author = document.getUpdatedBy() != null ? document.getUpdatedBy() : document.getCreatedBy();
        List<Long> folders = new ArrayList<>();
        for (Folder folder = document.getFolder(); folder != null; folder = folder.getParent()) {
            folders.add(folder.getId());
        }
        Audience audience = document.isTrashed() ? Audience.MODERATORS : Audience.READERS;
        return entry(Kind.DOCUMENT, group, audience, title, text.toString(), field, author, em,
                document.getUpdatedAt(), folders, Links.document(document.getId()));
    }

    /** The text extracted from the document's current version; empty while extraction is pending or failed. */
    private static String extractedText(Document document, EntityManager em) {
        List<String> texts = em.createQuery("select t.content from VersionText t where t.versionId = "
                        + "(select v.id from DocumentVersion v where v.document = :document and v.number = :number)",
                        String.class)
                .setParameter("document", document).setParameter("number", document.getCurrentNumber())
                .getResultList();
        return texts.isEmpty() ? null : texts.get(0);
    }

    private static SearchEntry thread(DiscussionThread thread, EntityManager em) {
        WorkingGroup group = thread.getGroup();
        Audience audience = thread.isTrashed() ? Audience.MODERATORS : Audience.READERS;
        // The opening post is found as the thread (one hit, not two); a hidden or deleted one is not in the text.
        List<String> opening = em.createQuery("select p.body from Post p where p.thread = :thread and p.number = 1 "
                + "and p.deletedAt is null and p.hiddenAt is null", String.class).setParameter("thread", thread)
                .getResultList();
        String text = opening.isEmpty() ? null : opening.get(0);
        return entry(Kind.THREAD, group, audience, thread.getTitle(), text, group.getPrimaryActionField(),
                thread.getAuthorId(), em, thread.getLastActivityAt(), List.of(),
                Links.thread(group.getSlug(), thread.getId(), null));
    }

    /**
     * A reply, or a hidden opening post (for the moderators, who find hidden posts). The visible opening post is
     * part of its thread's entry instead.
     */
    private static SearchEntry post(Post post, EntityManager em) {
        DiscussionThread thread = post.getThread();
        WorkingGroup group = thread.getGroup();
        Audience audience;
        if (post.isDeleted() || post.getNumber() == 1 && !post.isHidden()) {
            // deleted: the text is gone; the visible opening post: found as its thread
            audience = Audience.NOBODY;
        } else if (post.isHidden() || thread.isTrashed()) {
            audience = Audience.MODERATORS;
        } else {
            audience = Audience.READERS;
        }
        String body = post.isDeleted() ? null : post.getBody();
        return entry(Kind.POST, group, audience, thread.getTitle(), body, group.getPrimaryActionField(),
                post.getAuthorId(), em, post.getCreatedAt(), List.of(),
                Links.thread(group.getSlug(), thread.getId(), post.getId()));
    }

    private static SearchEntry meeting(Meeting meeting, EntityManager em) {
        WorkingGroup group = meeting.getGroup();
        StringJoiner text = new StringJoiner("\n");
        add(text, meeting.getDescription());
        add(text, meeting.getPlace());
        return entry(Kind.MEETING, group, Audience.READERS, meeting.getTitle(), text.toString(),
                group.getPrimaryActionField(), meeting.getOrganiserId(), em, meeting.getStartsAt(), List.of(),
                Links.meeting(meeting.getId()));
    }

    private static SearchEntry minutes(Minutes minutes, EntityManager em) {
        Meeting meeting = minutes.getMeeting();
        WorkingGroup group = meeting.getGroup();
        StringJoiner text = new StringJoiner("\n");
        for (MinutesNote note : minutes.getNotes()) {
            add(text, note.getBody());
        }
        add(text, minutes.getGuests());
        return entry(Kind.MINUTES, group, draftAware(minutes), meeting.getTitle(), text.toString(),
                group.getPrimaryActionField(), minutes.getMinuteTakerId(), em, meeting.getStartsAt(), List.of(),
                Links.minutes(meeting.getId()));
    }

    private static SearchEntry decision(Decision decision, EntityManager em) {
        Minutes minutes = decision.getMinutes();
        Meeting meeting = minutes.getMeeting();
        WorkingGroup group = meeting.getGroup();
        Audience audience = draftAware(minutes);
        // The decision is found by the meeting's title only by those who read the meeting: a published one is for
        // everyone, and its passage or a match on the title would tell them a meeting of a private or hidden group.
        String text = decision.getWording() + "\n" + meeting.getTitle();
        if (decision.isApproved() && decision.isPublished()) {
            audience = Audience.EVERYONE;
            text = decision.getWording();
        }
        LocalDate day = decision.getDecidedOn();
        String link = decision.isApproved() ? Links.decision(decision.getId()) : Links.minutes(meeting.getId());
        return entry(Kind.DECISION, group, audience, shorten(decision.getWording()),
                text, group.getPrimaryActionField(), null, em,
                day == null ? decision.getCreatedAt() : day.atStartOfDay(BERLIN).toInstant(), List.of(), link);
    }

    private static SearchEntry actionItem(ActionItem item, EntityManager em) {
        Minutes minutes = item.getMinutes();
        Meeting meeting = minutes.getMeeting();
        WorkingGroup group = meeting.getGroup();
        LocalDate due = item.getDueOn();
        return entry(Kind.ACTION_ITEM, group, draftAware(minutes), item.getTitle(),
                item.getTitle() + "\n" + meeting.getTitle(), group.getPrimaryActionField(), item.getOwnerId(), em,
                due == null ? item.getCreatedAt() : due.atStartOfDay(BERLIN).toInstant(), List.of(),
                Links.minutes(meeting.getId()));
    }

    private static SearchEntry group(WorkingGroup group) {
        Audience audience = group.getVisibility() == Visibility.HIDDEN ? Audience.MEMBERS : Audience.EVERYONE;
        return new SearchEntry(Kind.GROUP, group.getId(), audience, group.getName(), group.getDescription(),
                group.getName(), group.getSlug(), slug(group.getPrimaryActionField()), regions(group), null, null,
                group.getCreatedAt(), List.of(), Links.group(group.getSlug()));
    }

    /** Draft minutes, and what they contain, are for members only (MeetingAction.READ_DRAFT). */
    private static Audience draftAware(Minutes minutes) {
        return minutes.getState() == MinutesState.DRAFT ? Audience.MEMBERS : Audience.READERS;
    }

    private static SearchEntry entry(Kind kind, WorkingGroup group, Audience audience, String title, String text,
                                     ActionField field, Long authorId, EntityManager em, java.time.Instant date,
                                     List<Long> folders, String link) {
        return new SearchEntry(kind, group.getId(), audience, title, text, group.getName(), group.getSlug(),
                slug(field), regions(group), authorId, authorName(authorId, em), date, folders, link);
    }

    private static String authorName(Long accountId, EntityManager em) {
        if (accountId == null) {
            return null;
        }
        List<String> names = em.createQuery("select a.displayName from Account a where a.id = :id", String.class)
                .setParameter("id", accountId).getResultList();
        return names.isEmpty() ? null : names.get(0);
    }

    private static List<String> regions(WorkingGroup group) {
        return group.getRegions().stream().map(Region::getSlug).toList();
    }

    private static String slug(ActionField field) {
        return field == null ? null : field.getSlug();
    }

    private static String shorten(String text) {
        if (text == null || text.length() <= TITLE_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', TITLE_LENGTH);
        return text.substring(0, cut > TITLE_LENGTH / 2 ? cut : TITLE_LENGTH) + " …";
    }

    private static void add(StringJoiner text, String part) {
        if (part != null && !part.isBlank()) {
            text.add(part);
        }
    }
}
