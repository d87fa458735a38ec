package de.zusammenwachsen.workspace.meeting.control;

import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.account.entity.Language;
import de.zusammenwachsen.workspace.core.Settings;
import de.zusammenwachsen.workspace.core.Texts;
import de.zusammenwachsen.workspace.meeting.entity.ActionItem;
import de.zusammenwachsen.workspace.meeting.entity.ActionItemStatus;
import de.zusammenwachsen.workspace.meeting.entity.Meeting;
import de.zusammenwachsen.workspace.meeting.entity.MinutesState;
import de.zusammenwachsen.workspace.notification.boundary.Mails;
import de.zusammenwachsen.workspace.notification.control.Readers;
import de.zusammenwachsen.workspace.notification.control.MailHtml;
import de.zusammenwachsen.workspace.notification.entity.OutgoingMail;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Reminds the owner of one action item, once: claimed by a conditional update, mailed in the same transaction. */
@Stateless
public class TaskReminder {

    @PersistenceContext
    EntityManager em;

    @Inject
    Readers readers;

    @Inject
    Mails mails;

    public static String tasksPath() {
        return "/tasks.xhtml";
    }

    /** Whether a reminder went into the outbox; false when it is no longer due, was claimed elsewhere, or unreadable. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean remind(Long actionItemId, LocalDate today, LocalDate until, Instant now) {
        ActionItem item = em.find(ActionItem.class, actionItemId);
        if (item == null || item.getStatus() != ActionItemStatus.OPEN || item.getOwnerId() == null || item.getDueOn() == null
                || item.getDueOn().isBefore(today) || item.getDueOn().isAfter(until)
                || item.getMinutes().getState() == MinutesState.DRAFT) {
            return false;
        }
        if (!readers.mayRead(item.getOwnerId(), item.getGroupId())) {
            // Left the group (or lost the account): no mail about it; should they come back, the reminder still can.
            return false;
        }
        // The row decides: of two runs (two nodes, or the schedule and an administrator) only one sets the mark.
        int claimed = em.createQuery("update ActionItem a set a.remindedAt = :now where a.id = :id "
                        + "and a.remindedAt is null and a.status = :open")
                .setParameter("now", now).setParameter("id", actionItemId).setParameter("open", ActionItemStatus.OPEN)
                .executeUpdate();
        if (claimed != 1) {
            return false;
        }
        Account owner = em.find(Account.class, item.getOwnerId());
        Meeting meeting = item.getMinutes().getMeeting();
        Locale locale = (owner.getLanguage() == null ? Language.DE : owner.getLanguage()).locale();
        String due = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(item.getDueOn());
        Object[] args = {Settings.baseUrl(), item.getTitle(), meeting.getGroup().getName(), due, meeting.getTitle(),
                Settings.baseUrl() + tasksPath(), owner.getDisplayName()};
        String subject = Texts.get(locale, "mail.taskReminder.subject", args);
        String body = Texts.get(locale, "mail.taskReminder.body", args) + "\n\n-- \n"
                + Texts.get(locale, "mail.footer", Settings.baseUrl());
        mails.queue(new OutgoingMail(owner.getEmail(), subject, body, MailHtml.of(locale, subject, body), owner.getId(),
                item.getGroupId(), null));
        return true;
    }
}
