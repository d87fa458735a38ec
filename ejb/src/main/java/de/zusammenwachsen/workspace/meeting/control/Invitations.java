package de.zusammenwachsen.workspace.meeting.control;

import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.account.entity.Language;
import de.zusammenwachsen.workspace.core.Settings;
import de.zusammenwachsen.workspace.core.Texts;
import de.zusammenwachsen.workspace.meeting.entity.Meeting;
import de.zusammenwachsen.workspace.notification.boundary.Mails;
import de.zusammenwachsen.workspace.notification.control.Readers;
import de.zusammenwachsen.workspace.notification.control.MailHtml;
import de.zusammenwachsen.workspace.notification.entity.OutgoingMail;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Mails a meeting's invitation, update or cancellation to every member of its group who may read it, each in their
 * language and with the calendar file attached. The mails carry account and group, so the outbox drops those whose
 * recipient left the group before sending.
 */
@Dependent
public class Invitations {

    public enum Kind {
        INVITED, CHANGED, CANCELLED
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Mails mails;

    @Inject
    Readers readers;

    public static String link(Long meetingId) {
        return Settings.baseUrl() + "/groups/meeting.xhtml?id=" + meetingId;
    }

    public static IcsWriter writer(String groupName) {
        return new IcsWriter(Settings.baseUrl(), groupName);
    }

    public void send(Meeting meeting, Kind kind) {
        List<Account> members = em.createQuery("select m.account from Membership m where m.group = :g", Account.class)
                .setParameter("g", meeting.getGroup()).getResultList();
        Set<Long> allowed = readers.of(meeting.getGroup(), members.stream().map(Account::getId).toList());
        IcsWriter.Method method = kind == Kind.CANCELLED ? IcsWriter.Method.CANCEL : IcsWriter.Method.REQUEST;
        String ics = writer(meeting.getGroup().getName()).write(method,
                List.of(IcsWriter.Event.of(meeting, link(meeting.getId()), Instant.now())));
        for (Account member : members) {
            if (allowed.contains(member.getId())) {
                mails.queue(mail(member, meeting, kind, ics, method));
            }
        }
    }

    private static OutgoingMail mail(Account recipient, Meeting meeting, Kind kind, String ics, IcsWriter.Method method) {
        Locale locale = (recipient.getLanguage() == null ? Language.DE : recipient.getLanguage()).locale();
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale)
                .format(meeting.getStartsAt().atZone(IcsWriter.BERLIN));
        String until = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale)
                .format(meeting.getEndsAt().atZone(IcsWriter.BERLIN));
        String where = meeting.getPlace() != null ? meeting.getPlace()
                : meeting.getOnlineUrl() != null ? meeting.getOnlineUrl() : "–";
        String key = "mail.meeting." + kind.name().toLowerCase(Locale.ROOT);
        String link = link(meeting.getId());
        String subject = Texts.get(locale, key + ".subject", meeting.getTitle(), meeting.getGroup().getName(), when);
        String body = Texts.get(locale, key + ".body", recipient.getDisplayName(), meeting.getTitle(),
                meeting.getGroup().getName(), when, until, where, link)
                + "\n\n-- \n" + Texts.get(locale, "mail.footer", Settings.baseUrl());
        String file = kind == Kind.CANCELLED ? "absage.ics" : "einladung.ics";
        return new OutgoingMail(recipient.getEmail(), subject, body, MailHtml.of(locale, subject, body), recipient.getId(),
                meeting.getGroup().getId(), null)
                .attach(file, IcsWriter.CONTENT_TYPE + "; method=" + method.name() + "; charset=UTF-8", ics);
    }
}
