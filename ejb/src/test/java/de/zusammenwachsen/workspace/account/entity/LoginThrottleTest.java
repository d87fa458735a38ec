package de.zusammenwachsen.workspace.account.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    private static final Duration LOCKOUT = Duration.ofMinutes(15);
    private final Instant now = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void theFifthAttemptInARowIsTheLastThenTheClientWaits() {
        LoginThrottle throttle = new LoginThrottle("hash", "192.0.2.1", now);
        for (int i = 1; i < LoginThrottle.MAX_FAILURES; i++) {
            assertEquals(LoginThrottle.Claim.ALLOWED, throttle.claim(now, LOCKOUT), "attempt " + i);
        }
        assertEquals(LoginThrottle.Claim.LAST, throttle.claim(now, LOCKOUT));
        assertTrue(throttle.isLocked(now.plusSeconds(60)));
        assertEquals(LoginThrottle.Claim.REFUSED, throttle.claim(now.plusSeconds(60), LOCKOUT), "the password is not even checked");
        assertFalse(throttle.isLocked(now.plus(Duration.ofMinutes(16))), "the lock ends by itself");
        assertEquals(LoginThrottle.Claim.ALLOWED, throttle.claim(now.plus(Duration.ofMinutes(16)), LOCKOUT), "and the count starts again");
    }
}
