package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A crash between the commit that queues a notification mail and its sending neither loses nor duplicates the mail.
 * A second WildFly of its own ({@link ForkedServer}, ports +100, its data under {@code target/mail-crash-server} and
 * a database of its own of the kind the build tests against: H2 by default, PostgreSQL on the PostgreSQL run) sends its mail to an SMTP port that this test owns ({@code -Dzw.smtp.port},
 * which wildfly-config/mail.cli reads): now a {@link SilentRelay} that accepts connections and never says a word,
 * so that the dispatcher hangs inside the SMTP conversation, after the commit; now GreenMail.
 *
 * <ol>
 *   <li><b>Crash while sending</b>: a reply notifies a thread's follower who wants instant mail; once the silent
 *       relay saw the dispatcher connect (the mail is committed, its sending under way), SIGKILL. Then GreenMail
 *       takes the port and the server starts again: exactly one mail arrives, and still one after more than a
 *       sweep period (15 s); the outbox row is sent, nothing for the recipient is left unsent.</li>
 *   <li><b>Crash right after the commit</b>: three times a reply and SIGKILL as soon as the REST call answered
 *       (the after-commit dispatch may or may not have begun; the relay stays silent, so nothing can be delivered
 *       before the kill), each time started again with the mails still waiting. Then GreenMail: each of the three
 *       mails arrives exactly once.</li>
 * </ol>
 * Each delivered mail carries the Message-ID {@code <outbox-ID.CREATED@host>} of its outbox row, by which a mail
 * system would drop the duplicate of a mail sent again after a crash between the relay's acceptance and the row
 * being marked sent (a window this test does not hit: the relay never accepts a mail before a kill).
 *
 * <p>The outbox is read straight from the forked server's database ({@link ForkDatabase#connect}: H2 through its
 * AUTO_SERVER mode, so only while the server runs; PostgreSQL over plain JDBC), with the same assertions on both.
 * A plain JUnit test like {@link CrashRecoveryIT}: the Arquillian-managed server keeps
 * serving the other tests meanwhile.
 */
class MailCrashIT {

    private static final String SETUP_CODE = "mail-crash-setup";
    private static final Duration START = Duration.ofMinutes(3);
    /** The dispatcher's sweep runs every 15 s; waiting longer than that after a delivery shows no second one comes. */
    private static final Duration BEYOND_A_SWEEP = Duration.ofSeconds(20);
    private static final Duration DELIVERY = Duration.ofSeconds(90);
    private static final int KILLS_RIGHT_AFTER_COMMIT = 3;
    private static final Pattern MESSAGE_ID = Pattern.compile("<outbox-(\\d+)\\.(\\d+)@[^>\\s]+>");

    private static ForkedServer server;
    private static SilentRelay relay;
    private static GreenMail mail;

    private final long begin = System.nanoTime();
    private int smtpPort;
    private Outbox outbox;
    private String adminToken;
    private String memberEmail;
    private long threadId;

    @AfterAll
    static void stopEverything() {
        // The relay first: a dispatcher still waiting on it would hold up the server's regular shutdown.
        if (relay != null) {
            relay.close();
        }
        if (server != null) {
            server.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void aCrashBetweenCommitAndSendNeitherLosesNorDuplicatesAMail() throws Exception {
        smtpPort = freePort();
        Path base = Path.of("target", "mail-crash-server").toAbsolutePath();
        server = new ForkedServer(base, 100, List.of(
                "-Djboss.node.name=mail-crash-server",
                "-Dzw.data.dir=" + base.resolve("data"),
                "-Dzw.setup.code=" + SETUP_CODE,
                "-Dzw.smtp.host=127.0.0.1", "-Dzw.smtp.port=" + smtpPort));
        outbox = new Outbox(server.database());
        server.prepare(Path.of("target", "workspace.ear").toAbsolutePath());
        mail = greenMail();
        server.start();
        server.awaitReady(START);
        log("server started on " + server.database() + ", its mail goes to 127.0.0.1:" + smtpPort);

        setUp();
        crashWhileSending();
        crashesRightAfterTheCommit();
        log("all checks passed");
    }

    // --- the steps ----------------------------------------------------------------------------------------------

    /**
     * An administrator, a private group they moderate, a member (invited by mail, so GreenMail listens meanwhile)
     * who wants every mail at once and starts a thread, which they then follow. Ends with an empty outbox and no
     * listener on the SMTP port.
     */
    private void setUp() throws Exception {
        ApiClient.Answer setup = server.post(null, "/setup", Json.createObjectBuilder()
                .add("setupCode", SETUP_CODE).add("email", "mail-crash-admin@zw-example.de").add("displayName", "Moni Moderatorin")
                .add("password", "Absturz zwischen Commit und Versand").add("language", "de").add("tokenName", "mail crash test")
                .build());
        assertEquals(201, setup.status(), "first administrator on the forked server: " + setup);
        adminToken = setup.json().getString("token");

        String slug = Fixtures.unique("postausgang");
        ApiClient.Answer group = server.post(adminToken, "/groups", Json.createObjectBuilder()
                .add("slug", slug).add("name", "Gruppe " + slug).add("description", "Für den Absturztest der E-Mails")
                .add("actionFields", Json.createArrayBuilder().add(Fixtures.ACTION_FIELD))
                .add("regions", Json.createArrayBuilder())
                .add("visibility", "PRIVATE").add("joinPolicy", "INVITATION")
                .add("moderators", Json.createArrayBuilder()).build());
        assertEquals(201, group.status(), group.toString());

        memberEmail = Fixtures.unique("mitglied") + "@zw-example.de";
        ApiClient.Answer invited = server.post(adminToken, "/groups/" + slug + "/invitations",
                Json.createObjectBuilder().add("email", memberEmail).build());
        assertEquals(201, invited.status(), invited.toString());
        ApiClient.Answer registered = server.post(null, "/invitations/accept-new", Json.createObjectBuilder()
                .add("token", Fixtures.invitationSecret(mail, memberEmail)).add("displayName", "Paul Postfach")
                .add("password", Fixtures.PASSWORD).add("language", "de").add("tokenName", "mail crash test").build());
        assertEquals(201, registered.status(), registered.toString());
        String memberToken = registered.json().getString("token");

        ApiClient.Answer instant = server.put(memberToken, "/me/mail-settings", Json.createObjectBuilder()
                .add("defaultMode", "INSTANT").add("groups", Json.createObjectBuilder().add(slug, "INSTANT")).build());
        assertEquals(204, instant.status(), "the member chooses instant mail: " + instant);

        ApiClient.Answer started = server.post(memberToken, "/groups/" + slug + "/threads", Json.createObjectBuilder()
                .add("title", "Zustellung nach dem Absturz").add("body", "Wer bekommt die Antworten per E-Mail?").build());
        assertEquals(201, started.status(), started.toString());
        threadId = started.json().getJsonNumber("threadId").longValue();

        awaitEmptyOutbox();
        mail.stop();
        mail = null;
        log("set up: member " + memberEmail + " follows thread " + threadId + "; outbox empty, GreenMail stopped");
    }

    private void crashWhileSending() throws Exception {
        relay = new SilentRelay(smtpPort);
        Set<Long> before = ids(outbox.rows(memberEmail)); // the invitation
        String marker = "Antwort-A-" + System.nanoTime();
        reply(marker);
        assertTrue(relay.awaitConnections(1, Duration.ofSeconds(45)),
                "the dispatcher did not connect to the relay within 45 s of the commit; outbox: " + outbox.rows(memberEmail)
                        + "\n" + server.logTail(40));
        List<Outbox.Row> rows = outbox.rows(memberEmail).stream().filter(r -> !before.contains(r.id())).toList();
        assertEquals(1, rows.size(), "one new mail for the member in the outbox: " + rows);
        Outbox.Row queued = rows.get(0);
        assertAll("the mail is committed and its sending under way, not yet failed",
                () -> assertFalse(queued.sent(), queued.toString()),
                () -> assertFalse(queued.cancelled(), queued.toString()),
                () -> assertEquals(0, queued.attempts(), "an attempt ended before the kill (an SMTP timeout?): " + queued),
                () -> assertEquals(List.of(), outbox.unsentExcept(memberEmail), "other mails wait in the outbox"),
                () -> assertTrue(relay.clientsStillWaiting(), "the dispatcher gave up the silent connection before the kill"));
        server.kill();
        log("SIGKILL while the dispatcher waited for the relay's greeting (" + relay.connections() + " connection(s))");
        relay.close();
        relay = null;

        mail = greenMail();
        server.start();
        server.awaitReady(START);
        log("restarted with GreenMail on the SMTP port");

        List<MimeMessage> delivered = awaitMails(1);
        log("the mail arrived; waiting " + BEYOND_A_SWEEP.toSeconds() + " s for a duplicate");
        Thread.sleep(BEYOND_A_SWEEP.toMillis());
        delivered = mailsTo(memberEmail);
        assertEquals(1, delivered.size(), "exactly one mail after the crash while sending: " + describe(delivered));
        MimeMessage only = delivered.get(0);
        Outbox.Row sent = outbox.rows(memberEmail).stream().filter(r -> r.id() == queued.id()).findFirst().orElseThrow();
        assertAll("after the crash while sending",
                () -> assertTrue(text(only).contains(marker), "the mail is about the reply: " + text(only)),
                () -> assertEquals("Neue Antwort in „Zustellung nach dem Absturz“", only.getSubject()),
                () -> assertMessageId(only, sent),
                () -> assertTrue(sent.sent(), "the row is marked sent: " + sent),
                () -> assertEquals(1, sent.attempts(), "one attempt counted, the interrupted one was never recorded: " + sent),
                () -> assertNull(sent.lastError(), sent.toString()),
                () -> assertEquals(List.of(), outbox.unsent(memberEmail), "unsent mails for the member"));
        log("crash while sending: one mail, " + only.getHeader("Message-ID")[0]);
    }

    private void crashesRightAfterTheCommit() throws Exception {
        mail.stop();
        mail = null;
        relay = new SilentRelay(smtpPort);
        Set<Long> before = ids(outbox.rows(memberEmail));
        List<String> markers = new ArrayList<>();
        for (int round = 1; round <= KILLS_RIGHT_AFTER_COMMIT; round++) {
            String marker = "Antwort-B" + round + "-" + System.nanoTime();
            markers.add(marker);
            int connectionsBefore = relay.connections();
            reply(marker);
            server.kill();
            log("round " + round + ": SIGKILL right after the reply's 201 (" + (relay.connections() - connectionsBefore)
                    + " new connection(s) to the relay between the reply and the kill)");
            if (round == KILLS_RIGHT_AFTER_COMMIT) {
                break;
            }
            server.start();
            server.awaitReady(START);
            List<Outbox.Row> waiting = outbox.unsent(memberEmail);
            assertEquals(round, waiting.size(), "after round " + round + " every reply's mail waits, none lost, none "
                    + "marked sent: " + outbox.rows(memberEmail));
        }
        relay.close();
        relay = null;

        mail = greenMail();
        server.start();
        server.awaitReady(START);
        log("restarted with GreenMail on the SMTP port");
        awaitMails(KILLS_RIGHT_AFTER_COMMIT);
        log("the mails arrived; waiting " + BEYOND_A_SWEEP.toSeconds() + " s for duplicates");
        Thread.sleep(BEYOND_A_SWEEP.toMillis());

        List<MimeMessage> delivered = mailsTo(memberEmail);
        List<Outbox.Row> rows = outbox.rows(memberEmail).stream().filter(r -> !before.contains(r.id())).toList();
        assertEquals(KILLS_RIGHT_AFTER_COMMIT, rows.size(), "one outbox row per reply: " + rows);
        List<String> problems = new ArrayList<>();
        if (delivered.size() != KILLS_RIGHT_AFTER_COMMIT) {
            problems.add("expected " + KILLS_RIGHT_AFTER_COMMIT + " mails, got " + describe(delivered));
        }
        for (String marker : markers) {
            long count = delivered.stream().filter(m -> text(m).contains(marker)).count();
            if (count != 1) {
                problems.add(marker + " arrived " + count + " times");
            }
        }
        Set<String> messageIds = new HashSet<>();
        for (MimeMessage message : delivered) {
            String id = messageId(message);
            Matcher matcher = MESSAGE_ID.matcher(id);
            if (!matcher.matches()) {
                problems.add("Message-ID not derived from the outbox: " + id);
            } else if (rows.stream().noneMatch(r -> r.id() == Long.parseLong(matcher.group(1))
                    && r.createdMillis() == Long.parseLong(matcher.group(2)))) {
                problems.add("Message-ID " + id + " names none of the rows " + rows);
            }
            if (!messageIds.add(id)) {
                problems.add("Message-ID twice: " + id);
            }
        }
        rows.stream().filter(r -> !r.sent() || r.cancelled()).forEach(r -> problems.add("not sent: " + r));
        List<Outbox.Row> unsent = outbox.unsent(memberEmail);
        if (!unsent.isEmpty()) {
            problems.add("unsent mails for the member: " + unsent);
        }
        assertEquals(List.of(), problems, "after " + KILLS_RIGHT_AFTER_COMMIT + " kills right after the commit");
        log(KILLS_RIGHT_AFTER_COMMIT + " kills right after the commit: each mail once, attempts "
                + rows.stream().map(r -> r.id() + ":" + r.attempts()).toList());
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private void reply(String marker) {
        ApiClient.Answer reply = server.post(adminToken, "/threads/" + threadId + "/posts",
                Json.createObjectBuilder().add("body", "Die Moderation antwortet: " + marker).build());
        assertEquals(201, reply.status(), reply.toString());
    }

    private void awaitEmptyOutbox() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<Outbox.Row> waiting = outbox.unsentExcept(null);
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            waiting = outbox.unsentExcept(null);
        }
        assertEquals(List.of(), waiting, "mails of the set-up still wait in the outbox after 60 s");
    }

    /** Waits until at least {@code count} mails reached the member; returns them. */
    private List<MimeMessage> awaitMails(int count) throws Exception {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        List<MimeMessage> delivered = mailsTo(memberEmail);
        while (delivered.size() < count && System.nanoTime() < deadline) {
            mail.waitForIncomingEmail(1000, mail.getReceivedMessages().length + 1);
            delivered = mailsTo(memberEmail);
        }
        if (delivered.size() < count) {
            fail("only " + delivered.size() + " of " + count + " mails arrived within " + DELIVERY.toSeconds()
                    + " s after the restart; outbox: " + outbox.rows(memberEmail) + "\n" + server.logTail(40));
        }
        return delivered;
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.asList(mail.getReceivedMessagesForDomain(address));
    }

    /**
     * A fresh GreenMail (no mails yet) on the SMTP port the forked server sends to. Right after the relay closed, its
     * port can still be bound for a moment ("Address already in use": closing a server socket while another thread
     * waits in accept completes only when that thread has left the call), so a start that fails is tried again a few
     * times, a second apart, before the test gives up; and GreenMail gets 10 s instead of 2 s for each start.
     */
    private GreenMail greenMail() throws InterruptedException {
        ServerSetup setup = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(10_000);
        for (int attempt = 1; ; attempt++) {
            GreenMail greenMail = new GreenMail(setup);
            try {
                greenMail.start();
                return greenMail;
            } catch (IllegalStateException notStarted) {
                greenMail.stop();
                if (attempt == 5) {
                    throw notStarted;
                }
                log("GreenMail did not start on port " + smtpPort + " (" + notStarted.getMessage() + "); again in 1 s");
                Thread.sleep(1000);
            }
        }
    }

    private static void assertMessageId(MimeMessage message, Outbox.Row row) {
        String id = messageId(message);
        Matcher matcher = MESSAGE_ID.matcher(id);
        assertTrue(matcher.matches(), "Message-ID <outbox-…@…> expected: " + id);
        assertEquals(row.id(), Long.parseLong(matcher.group(1)), "Message-ID names the outbox row: " + id);
        assertEquals(row.createdMillis(), Long.parseLong(matcher.group(2)), "Message-ID carries the row's creation: " + id);
    }

    private static String messageId(MimeMessage message) {
        try {
            String[] ids = message.getHeader("Message-ID");
            assertNotNull(ids, "no Message-ID");
            assertEquals(1, ids.length, "one Message-ID: " + Arrays.toString(ids));
            return ids[0].trim();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All text parts of a mail, decoded. */
    private static String text(Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    all.append(text(child)).append('\n');
                }
                return all.toString();
            }
            return String.valueOf(content);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(List<MimeMessage> messages) {
        List<String> described = new ArrayList<>();
        for (MimeMessage message : messages) {
            try {
                described.add(message.getSubject() + " " + Arrays.toString(message.getHeader("Message-ID")));
            } catch (MessagingException e) {
                described.add("? " + e);
            }
        }
        return messages.size() + " " + described;
    }

    private static Set<Long> ids(List<Outbox.Row> rows) {
        Set<Long> ids = new HashSet<>();
        rows.forEach(r -> ids.add(r.id()));
        return ids;
    }

    /**
     * A free port below the kernel's range for outgoing connections (32768 and up on Linux): the port is free for a
     * while between the relay and GreenMail, and a port from that range could meanwhile become the local end of some
     * other test's connection, after which nothing can listen on it.
     */
    private static int freePort() throws IOException {
        Random random = new Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + random.nextInt(12_000);
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }

    private void log(String message) {
        System.out.printf("[MailCrashIT %5.1f s] %s%n", (System.nanoTime() - begin) / 1e9, message);
    }

    /**
     * An SMTP port that accepts connections and then says nothing: a client waits for the greeting for as long as
     * its read timeout allows (the mail session sets none, so for ever).
     */
    private static final class SilentRelay implements AutoCloseable {

        private final ServerSocket listener;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentRelay(int port) throws IOException {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress("127.0.0.1", port));
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        accepted.add(listener.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-relay");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int connections() {
            return accepted.size();
        }

        boolean awaitConnections(int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (accepted.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            return accepted.size() >= count;
        }

        /** Whether every client is still connected and silent, i.e. waits for the greeting. */
        boolean clientsStillWaiting() {
            for (Socket socket : accepted) {
                try {
                    socket.setSoTimeout(200);
                    InputStream in = socket.getInputStream();
                    in.read();
                    return false; // the client closed the connection, or spoke first, which a waiting client does not
                } catch (SocketTimeoutException silent) {
                    // still connected, still waiting
                } catch (IOException e) {
                    return false;
                }
            }
            return !accepted.isEmpty();
        }

        @Override
        public void close() {
            try {
                listener.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            for (Socket socket : accepted) {
                try {
                    socket.close();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** The forked server's outbox table, read from its database (H2 or PostgreSQL). */
    private static final class Outbox {

        record Row(long id, String recipient, boolean sent, boolean cancelled, int attempts, String lastError,
                   long createdMillis) {
        }

        private final ForkDatabase database;

        Outbox(ForkDatabase database) {
            this.database = database;
        }

        List<Row> rows(String recipient) throws SQLException {
            return query("where recipient = ?", recipient);
        }

        List<Row> unsent(String recipient) throws SQLException {
            return query("where recipient = ? and sent_at is null and cancelled_at is null", recipient);
        }

        /** Unsent mails to anyone but {@code recipient} (null: to anyone). */
        List<Row> unsentExcept(String recipient) throws SQLException {
            return query("where sent_at is null and cancelled_at is null and recipient <> ?", recipient == null ? "" : recipient);
        }

        private List<Row> query(String where, String parameter) throws SQLException {
            try (Connection connection = database.connect();
                 PreparedStatement statement = connection.prepareStatement("select id, recipient, sent_at, cancelled_at, "
                         + "attempts, last_error, created_at from outgoing_mail " + where + " order by id")) {
                statement.setString(1, parameter);
                List<Row> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(new Row(result.getLong(1), result.getString(2), result.getObject(3) != null,
                                result.getObject(4) != null, result.getInt(5), result.getString(6),
                                result.getObject(7, OffsetDateTime.class).toInstant().toEpochMilli()));
                    }
                }
                return rows;
            }
        }
    }
}
