package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.base.GreenMailOperations;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shared test data for all end-to-end tests, which share one server and one database per build (so nothing may
 * assume an empty database: use {@link #unique} for e-mails and slugs).
 *
 * <ul>
 *   <li>{@link #adminToken()}: the network's first administrator. Setup works only once per database, so every IT
 *       class must take the administrator from here; all IT classes run in the same failsafe JVM, where this class
 *       creates it once through {@code POST /api/v1/setup} and keeps its token.</li>
 *   <li>{@link #createAccount}: a fresh, active account with a personal access token that belongs to no group. The
 *       API has no registration, so the administrator invites the address into a hidden lobby group, the test reads
 *       the invitation mail, registers through {@code POST /api/v1/invitations/accept-new} and leaves the lobby.
 *       Needs the class's mail server: {@code @RegisterExtension static final GreenMailExtension MAIL =
 *       Fixtures.mailServer();}</li>
 *   <li>{@link #createGroup}: a group created by the administrator with the given moderators.</li>
 * </ul>
 */
public final class Fixtures {

    public static final String ADMIN_EMAIL = "it-admin@zw-example.de";
    public static final String ADMIN_PASSWORD = "Streuobstwiesen im Saalekreis";
    /** Set by arquillian.xml ({@code -Dzw.setup.code}). */
    public static final String SETUP_CODE = "it-setup-code";
    /** The password of every account made by {@link #createAccount}. */
    public static final String PASSWORD = "Kohlekumpel im Revier 2038";
    /** An action field that the migrations seed. */
    public static final String ACTION_FIELD = "ehrenamt";

    private static final Pattern INVITATION_LINK = Pattern.compile("invitation\\.xhtml\\?token=([A-Za-z0-9_%.~-]+)");
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** Secrets already handed out: an address may hold older invitation mails (e.g. the lobby's). */
    private static final Set<String> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private static String adminToken;
    private static String lobby;

    /** A fresh account: its id, address, name and a bearer token; {@link #api()} calls the API as it. */
    public record Account(Long id, String email, String displayName, String token) {

        public ApiClient api() {
            return ApiClient.bearer(token);
        }
    }

    private Fixtures() {
    }

    /** The SMTP server the test server sends to; one per test class, alive for the whole class. */
    public static GreenMailExtension mailServer() {
        return new GreenMailExtension(new ServerSetup(Integer.getInteger("it.smtp.port", 3025), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);
    }

    /** A name no other test run uses, e.g. for slugs ({@code [a-z0-9-]}) and e-mail local parts. */
    /**
     * The PrimeFaces script nonce of a page, which its script puts into every form as {@code primefaces.nonce}: a
     * client that sends a form without a browser sends it too, or the form is refused as a stale one.
     */
    public static String scriptNonce(String page) {
        Matcher nonce = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(page);
        if (!nonce.find()) {
            throw new IllegalStateException("no script nonce on the page");
        }
        return nonce.group(1);
    }

    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
    }

    public static synchronized String adminToken() {
        if (adminToken == null) {
            ApiClient.Answer setup = ApiClient.guest().post("/setup", Json.createObjectBuilder()
                    .add("setupCode", SETUP_CODE).add("email", ADMIN_EMAIL).add("displayName", "Ada Admin")
                    .add("password", ADMIN_PASSWORD).add("language", "de").add("tokenName", "end-to-end tests").build());
            if (setup.status() != 201) {
                throw new IllegalStateException("Could not create the first administrator (" + setup
                        + "). Every IT must get the administrator from Fixtures.adminToken(), not create one itself.");
            }
            adminToken = setup.json().getString("token");
        }
        return adminToken;
    }

    public static ApiClient admin() {
        return ApiClient.bearer(adminToken());
    }

    /** A new active account that belongs to no group; its invitation mail arrives at {@code mail}. */
    public static Account createAccount(GreenMailOperations mail, String displayName) {
        String email = unique("person") + "@zw-example.de";
        ApiClient.Answer invited = admin().post("/groups/" + lobby() + "/invitations",
                Json.createObjectBuilder().add("email", email).build());
        check(invited, 201);
        ApiClient.Answer registered = ApiClient.guest().post("/invitations/accept-new", Json.createObjectBuilder()
                .add("token", invitationSecret(mail, email)).add("displayName", displayName).add("password", PASSWORD)
                .add("language", "de").add("tokenName", "end-to-end tests").build());
        check(registered, 201);
        Account account = new Account(registered.json().getJsonNumber("accountId").longValue(), email, displayName,
                registered.json().getString("token"));
        check(account.api().delete("/groups/" + lobby() + "/members/me"), 204);
        return account;
    }

    /**
     * The secret of an invitation mailed to {@code email} that this method has not handed out before, waiting up to
     * 120 s: mails leave through the outbox right after the commit, asynchronously. Call it once per invitation.
     */
    public static String invitationSecret(GreenMailOperations mail, String email) {
        // Generous: a test class before may have left hundreds of mails in the outbox (invitations to every
        // meeting of a permission matrix), which go out one after the other first.
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            MimeMessage[] messages = mail.getReceivedMessagesForDomain(email);
            for (int i = messages.length - 1; i >= 0; i--) {
                Matcher link = INVITATION_LINK.matcher(text(messages[i]));
                if (link.find()) {
                    String secret = URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
                    if (HANDED_OUT.add(secret)) {
                        return secret;
                    }
                }
            }
            mail.waitForIncomingEmail(500, Math.max(1, mail.getReceivedMessages().length + 1));
        }
        throw new AssertionError("no new invitation mail to " + email + " within 120 s; mails received: "
                + Arrays.stream(mail.getReceivedMessages()).map(Fixtures::recipients).toList());
    }

    /** A group created by the administrator; {@code moderators} are e-mail addresses (none: the administrator). */
    public static JsonObject createGroup(String visibility, String joinPolicy, String... moderators) {
        String slug = unique("gruppe");
        ApiClient.Answer created = admin().post("/groups", Json.createObjectBuilder()
                .add("slug", slug).add("name", "Gruppe " + slug).add("description", "Für die End-to-End-Tests")
                .add("actionFields", Json.createArrayBuilder().add(ACTION_FIELD))
                .add("regions", Json.createArrayBuilder())
                .add("visibility", visibility).add("joinPolicy", joinPolicy)
                .add("moderators", Json.createArrayBuilder(Arrays.asList(moderators))).build());
        check(created, 201);
        return created.json();
    }

    /** The hidden invitation-only group through which {@link #createAccount} lets people in. */
    private static synchronized String lobby() {
        if (lobby == null) {
            lobby = createGroup("HIDDEN", "INVITATION").getString("slug");
        }
        return lobby;
    }

    private static void check(ApiClient.Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + " but got " + answer);
        }
    }

    private static String text(MimeMessage message) {
        return MailParts.plain(message);
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (MessagingException e) {
            return "?";
        }
    }
}
