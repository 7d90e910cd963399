package io.hallway.exchange;

import static io.hallway.testing.PeopleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RateLimitTest {

    @Test
    void the_eleventh_code_in_a_minute_is_refused_with_retry_after() {
        String slug = ScheduleFixtures.newEvent("limits");
        String pia = Tokens.of("pia");
        profile(pia, slug, "Pia");
        // A minute boundary in the middle would reset the window; start right after one.
        awaitFreshMinute();
        for (int i = 0; i < 10; i++) {
            issue(pia, slug);
        }
        Response refused = Api.as(pia).post(tokensPath(slug));
        refused.then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        // Limits are per event: the same person can still make codes elsewhere
        String other = ScheduleFixtures.newEvent("limits");
        profile(pia, other, "Pia");
        issue(pia, other);
    }

    @Test
    void a_flood_of_random_codes_gets_identical_404s_then_429() {
        String slug = ScheduleFixtures.newEvent("limits");
        String quinn = Tokens.of("quinn");
        SecureRandom random = new SecureRandom();
        awaitFreshMinute();
        Set<String> bodies = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            byte[] guess = new byte[32];
            random.nextBytes(guess);
            bodies.add(scan(quinn, slug, Base64.getUrlEncoder().withoutPadding().encodeToString(guess))
                    .then().statusCode(404).extract().asString());
        }
        assertEquals(1, bodies.size(), "every guess gets the same answer: " + bodies);
        scan(quinn, slug, "anything").then().statusCode(429).header("Retry-After", notNullValue())
                .body("status", is(429));
        // Even a real code waits for the window to end
        profile(Tokens.attendee(), slug, "Ada");
        String real = issue(Tokens.attendee(), slug).getString("token");
        scan(quinn, slug, real).then().statusCode(429);
        // ...and the refused scan did not use it up: someone within their limit still can
        String rafa = Tokens.of("rafa");
        profile(rafa, slug, "Rafa");
        scan(rafa, slug, real).then().statusCode(201);
    }

    /** Waits, if needed, so that the test's requests fall in one one-minute window. */
    private static void awaitFreshMinute() {
        int second = java.time.LocalTime.now(java.time.ZoneOffset.UTC).getSecond();
        if (second > 40) {
            try {
                Thread.sleep((61 - second) * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
