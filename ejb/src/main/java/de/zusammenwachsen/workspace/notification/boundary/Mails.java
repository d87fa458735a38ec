package de.zusammenwachsen.workspace.notification.boundary;

import de.zusammenwachsen.workspace.account.entity.Language;
import de.zusammenwachsen.workspace.core.Settings;
import de.zusammenwachsen.workspace.core.Texts;
import de.zusammenwachsen.workspace.notification.control.MailHtml;
import de.zusammenwachsen.workspace.notification.control.MailQueued;
import de.zusammenwachsen.workspace.notification.entity.OutgoingMail;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Puts mails into the outbox, in the recipient's language, inside the caller's transaction. Templates are the
 * bundle keys {@code mail.<name>.subject} and {@code mail.<name>.body}; the body's first argument is always the
 * workspace's base URL, so that links work from any mail client.
 */
@Stateless
public class Mails {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<MailQueued> queued;

    public void send(String recipient, Language language, String template, Object... arguments) {
        Object[] withBase = new Object[arguments.length + 1];
        withBase[0] = Settings.baseUrl();
        System.arraycopy(arguments, 0, withBase, 1, arguments.length);
        var locale = (language == null ? Language.DE : language).locale();
        String subject = Texts.get(locale, "mail." + template + ".subject", withBase);
        String body = Texts.get(locale, "mail." + template + ".body", withBase)
                + "\n\n-- \n" + Texts.get(locale, "mail.footer", withBase);
        // Account mails (confirmation, password reset, invitations) concern no group and nobody's content.
        queue(new OutgoingMail(recipient, subject, body, MailHtml.of(locale, subject, body), null, null, null));
    }

    /** Queues a mail written elsewhere (notifications, digests) in the caller's transaction. */
    public void queue(OutgoingMail mail) {
        em.persist(mail);
        em.flush();
        queued.fire(new MailQueued(mail.getId()));
    }
}
