package de.zusammenwachsen.workspace.meeting.control;

import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.account.entity.Language;
import de.zusammenwachsen.workspace.core.Settings;
import de.zusammenwachsen.workspace.core.Texts;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.meeting.entity.Meeting;
import de.zusammenwachsen.workspace.notification.boundary.Mails;
import de.zusammenwachsen.workspace.notification.control.MailModes;
import de.zusammenwachsen.workspace.notification.control.Readers;
import de.zusammenwachsen.workspace.notification.entity.MailMode;
import de.zusammenwachsen.workspace.notification.entity.MailState;
import de.zusammenwachsen.workspace.notification.entity.Notification;
import de.zusammenwachsen.workspace.notification.entity.NotificationKind;
import de.zusammenwachsen.workspace.notification.control.MailHtml;
import de.zusammenwachsen.workspace.notification.entity.OutgoingMail;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells a group's members about their minutes, inside the transaction of the change: an in-app notification for
 * everyone who may read the group now, and a mail unless they switched mail off for the group. Minutes are rare and
 * ask for action (read, comment), so they are mailed at once, not held for the daily digest.
 */
@Dependent
public class MinutesNotices {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @PersistenceContext
    EntityManager em;

    @Inject
    Readers readers;

    @Inject
    MailModes modes;

    @Inject
    Mails mails;

    public void circulated(Meeting meeting, Long actorId) {
        notify(meeting, actorId, NotificationKind.MINUTES_CIRCULATED, "minutesCirculated");
    }

    public void approved(Meeting meeting, Long actorId) {
        notify(meeting, actorId, NotificationKind.MINUTES_APPROVED, null);
    }

    public void amended(Meeting meeting, Long actorId) {
        notify(meeting, actorId, NotificationKind.MINUTES_AMENDED, "minutesAmended");
    }

    public static String minutesPath(Long meetingId) {
        return "/groups/minutes.xhtml?id=" + meetingId;
    }

    private void notify(Meeting meeting, Long actorId, NotificationKind kind, String template) {
        WorkingGroup group = meeting.getGroup();
        List<Long> members = new ArrayList<>(em.createQuery("select m.account.id from Membership m where m.group = :g",
                Long.class).setParameter("g", group).getResultList());
        members.remove(actorId);
        Set<Long> allowed = readers.of(group, members);
        if (allowed.isEmpty()) {
            return;
        }
        Map<Long, MailMode> chosen = modes.of(group.getId(), allowed);
        Account actor = actorId == null ? null : em.find(Account.class, actorId);
        Instant now = Instant.now();
        for (Long id : allowed) {
            boolean mail = template != null && chosen.getOrDefault(id, MailMode.INSTANT) != MailMode.OFF;
            em.persist(Notification.aboutMinutes(id, kind, group.getId(), meeting.getId(), actorId, now,
                    mail ? MailState.MAILED : MailState.NONE));
            Account recipient = em.find(Account.class, id);
            if (mail && recipient != null) {
                mails.queue(mail(recipient, template, meeting, actor == null ? "?" : actor.getDisplayName()));
            }
        }
    }

    private static OutgoingMail mail(Account recipient, String template, Meeting meeting, String actorName) {
        Locale locale = (recipient.getLanguage() == null ? Language.DE : recipient.getLanguage()).locale();
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .format(meeting.getStartsAt().atZone(BERLIN));
        Object[] args = {Settings.baseUrl(), meeting.getTitle(), meeting.getGroup().getName(), actorName, date,
                Settings.baseUrl() + minutesPath(meeting.getId()), recipient.getDisplayName()};
        String subject = Texts.get(locale, "mail." + template + ".subject", args);
        String body = Texts.get(locale, "mail." + template + ".body", args) + "\n\n-- \n"
                + Texts.get(locale, "mail.footer", Settings.baseUrl());
        return new OutgoingMail(recipient.getEmail(), subject, body, MailHtml.of(locale, subject, body), recipient.getId(),
                meeting.getGroup().getId(), null);
    }
}
