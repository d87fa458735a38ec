package de.zusammenwachsen.workspace.notification.boundary;

import de.zusammenwachsen.workspace.notification.control.MailQueued;
import de.zusammenwachsen.workspace.notification.control.Relay;
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
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what is in the outbox through the server's mail session: right after the commit that queued a mail,
 * and every 15 seconds for whatever is left (after a crash or a relay outage). Mails are sent at least once;
 * one run at a time per server, over one relay connection per run ({@link Relay}).
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
            try (Relay relay = new Relay(mailSession)) {
                List<Long> due;
                do {
                    due = outbox.due(50);
                    due.forEach(id -> deliver(id, relay));
                } while (due.size() == 50);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Mail dispatch failed; the next sweep retries", e);
            } finally {
                running.set(false);
            }
        }
    }

    private void deliver(Long id, Relay relay) {
        OutgoingMail mail = outbox.deliverable(id);
        if (mail == null) {
            return;
        }
        try {
            MimeMessage message = new OutboxMessage(mailSession, mail.getId() + "." + mail.getCreatedAt().toEpochMilli());
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.getRecipient()));
            message.setSubject(mail.getSubject(), "UTF-8");
            if (mail.getAttachment() != null) {
                // multipart/mixed: first what the reader reads, then the file (calendar apps pick up text/calendar).
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart readable = new MimeBodyPart();
                if (mail.getHtmlBody() == null) {
                    readable.setText(mail.getBody(), "UTF-8");
                } else {
                    readable.setContent(alternatives(mail));
                }
                MimeBodyPart file = new MimeBodyPart();
                // A byte source, because the mail library has no content handler for text/calendar strings.
                file.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(
                        mail.getAttachment().getBytes(java.nio.charset.StandardCharsets.UTF_8), mail.getAttachmentType())));
                file.setFileName(mail.getAttachmentName());
                file.setDisposition(jakarta.mail.Part.ATTACHMENT);
                mixed.addBodyPart(readable);
                mixed.addBodyPart(file);
                message.setContent(mixed);
            } else if (mail.getHtmlBody() == null) {
                message.setText(mail.getBody(), "UTF-8");
            } else {
                message.setContent(alternatives(mail));
            }
            if (mail.getUnsubscribeUrl() != null) {
                message.setHeader("List-Unsubscribe", "<" + mail.getUnsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.setSentDate(new Date());
            relay.send(message);
            outbox.sent(id);
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send mail " + id + " to its recipient: " + e.getMessage());
            outbox.failed(id, e.getMessage());
        }
    }

    private static MimeMultipart alternatives(OutgoingMail mail) throws MessagingException {
        MimeMultipart alternatives = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.getBody(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.getHtmlBody(), "UTF-8", "html");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        return alternatives;
    }

    /**
     * A message whose Message-ID is derived from the outbox row: should a crash fall between the relay's acceptance
     * and the row being marked sent, the mail sent again carries the same id, which mail systems use to drop
     * duplicates.
     */
    private static final class OutboxMessage extends MimeMessage {

        private final String outboxId;

        OutboxMessage(Session session, String outboxId) {
            super(session);
            this.outboxId = outboxId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            String host = java.net.URI.create(de.zusammenwachsen.workspace.core.Settings.baseUrl()).getHost();
            setHeader("Message-ID", "<outbox-" + outboxId + "@" + (host == null ? "zusammenwachsen.local" : host) + ">");
        }
    }
}
