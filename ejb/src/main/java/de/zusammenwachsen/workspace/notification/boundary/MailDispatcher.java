package de.zusammenwachsen.workspace.notification.boundary;

import de.zusammenwachsen.workspace.notification.control.MailQueued;
import de.zusammenwachsen.workspace.notification.entity.OutgoingMail;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what is in the outbox through the server's mail session: right after the commit that queued a mail,
 * and every 15 seconds for whatever is left (after a crash or a relay outage). Mails are sent at least once;
 * one run at a time per server.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class.getName());

    @Resource(lookup = "java:jboss/mail/Default")
    Session mailSession;

    @Inject
    Outbox outbox;

    @Resource
    SessionContext context;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued event) {
        context.getBusinessObject(MailDispatcher.class).dispatchLater();
    }

    @Asynchronous
    public void dispatchLater() {
        dispatch();
    }

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    void sweep() {
        dispatch();
    }

    public void dispatch() {
        again.set(true);
        while (again.getAndSet(false)) {
            if (!running.compareAndSet(false, true)) {
                // The running pass sees the flag and goes round once more.
                again.set(true);
                return;
            }
            try {
                List<Long> due;
                do {
                    due = outbox.due(50);
                    due.forEach(this::deliver);
                } while (due.size() == 50);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Mail dispatch failed; the next sweep retries", e);
            } finally {
                running.set(false);
            }
        }
    }

    private void deliver(Long id) {
        OutgoingMail mail = outbox.load(id);
        if (mail == null || mail.getSentAt() != null) {
            return;
        }
        try {
            MimeMessage message = new MimeMessage(mailSession);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.getRecipient()));
            message.setSubject(mail.getSubject(), "UTF-8");
            message.setText(mail.getBody(), "UTF-8");
            message.setSentDate(new Date());
            Transport.send(message);
            outbox.sent(id);
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send mail " + id + " to its recipient: " + e.getMessage());
            outbox.failed(id, e.getMessage());
        }
    }
}
