package de.zusammenwachsen.workspace.notification.control;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Against a real SMTP conversation with an in-process server. */
class RelayTest {

    private GreenMail smtp;
    private Session session;
    private int port;

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.from", "arbeitsraum@zusammenwachsen.invalid");
        session = Session.getInstance(properties);
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void manyMailsGoOverOneConnection() throws Exception {
        try (Relay relay = new Relay(session)) {
            for (int i = 1; i <= 5; i++) {
                relay.send(message("mitglied" + i + "@example.org", "Tagesübersicht " + i));
            }
            assertEquals(1, relay.connections());
        }
        assertEquals(5, smtp.getReceivedMessages().length);
        assertEquals("Tagesübersicht 3", smtp.getReceivedMessages()[2].getSubject());
    }

    @Test
    void afterAFailedSendTheNextMailOpensAFreshConnection() throws Exception {
        try (Relay relay = new Relay(session)) {
            relay.send(message("anna@example.org", "Erste"));
            smtp.stop();
            assertThrows(MessagingException.class, () -> relay.send(message("bernd@example.org", "Verloren")));
            smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            relay.send(message("carla@example.org", "Wieder da"));
            assertEquals(2, relay.connections());
        }
        assertEquals(1, smtp.getReceivedMessages().length);
        assertEquals("Wieder da", smtp.getReceivedMessages()[0].getSubject());
    }

    private MimeMessage message(String to, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText("Hallo,\n\nes gibt Neues.", "UTF-8");
        return message;
    }
}
