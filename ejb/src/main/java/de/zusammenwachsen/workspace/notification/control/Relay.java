package de.zusammenwachsen.workspace.notification.control;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection to the mail relay for a whole dispatch pass, instead of one per mail: a digest morning or a
 * meeting invitation to a large group is hundreds of mails, and each connection costs a TCP and often a TLS
 * handshake plus the login. A failed send closes the connection, so the next mail starts on a fresh one; the
 * failed mail itself stays in the outbox for the next attempt.
 */
public final class Relay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Relay.class.getName());

    private final Session session;
    private Transport transport;
    private int connections;

    public Relay(Session session) {
        this.session = session;
    }

    public void send(MimeMessage message) throws MessagingException {
        // What Transport.send does before sending: headers (our Message-ID among them) are fixed here.
        message.saveChanges();
        try {
            if (transport == null || !transport.isConnected()) {
                transport = session.getTransport(message.getAllRecipients()[0]);
                transport.connect();
                connections++;
            }
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** How many connections this pass opened: one, unless sends failed. */
    public int connections() {
        return connections;
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // The relay may already have dropped the connection; there is nothing left to finish.
                LOG.log(Level.FINE, "Closing the relay connection failed", e);
            }
            transport = null;
        }
    }
}
