package io.hallway.exchange;

import static io.hallway.testing.PeopleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.QrDecoding;
import io.hallway.testing.Db;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExchangeTokenTest {

    @Inject
    DataSource dataSource;

    @Test
    void a_code_has_at_least_128_random_bits_and_only_its_hash_is_stored() throws Exception {
        String slug = ScheduleFixtures.newEvent("exchange");
        profile(Tokens.attendee(), slug, "Ada");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            JsonPath issued = issue(Tokens.attendee(), slug);
            String token = issued.getString("token");
            byte[] raw = Base64.getUrlDecoder().decode(token);
            assertTrue(raw.length * 8 >= 128, "at least 128 bits, got " + raw.length * 8);
            assertTrue(token.matches("[A-Za-z0-9_-]+"), "base64url without padding: " + token);
            assertTrue(seen.add(token), "every code is new");
            assertEquals("https://hallway.example/x#" + token, issued.getString("link"));

            Db db = new Db(dataSource);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            assertEquals(1, db.count("select count(*) from exchange_token where hash = ?", hash));
            // Neither the code nor its bytes appear anywhere in the stored row
            assertEquals(0, db.count("select count(*) from exchange_token t where t::text like ? or t::text like ?",
                    "%" + token + "%", "%" + HexFormat.of().formatHex(raw) + "%"));
        }
    }

    @Test
    void issuing_a_new_code_revokes_the_earlier_one() {
        String slug = ScheduleFixtures.newEvent("exchange");
        profile(Tokens.attendee(), slug, "Ada");
        String first = issue(Tokens.attendee(), slug).getString("token");
        String second = issue(Tokens.attendee(), slug).getString("token");
        scan(Tokens.otherAttendee(), slug, first).then().statusCode(410).contentType("application/problem+json");
        scan(Tokens.otherAttendee(), slug, second).then().statusCode(201);
    }

    @Test
    void a_code_works_once() {
        String slug = ScheduleFixtures.newEvent("exchange");
        profile(Tokens.attendee(), slug, "Ada");
        String code = issue(Tokens.attendee(), slug).getString("token");
        scan(Tokens.otherAttendee(), slug, code).then().statusCode(201);
        scan(Tokens.of("zoe"), slug, code).then().statusCode(410)
                .body("title", is("Code no longer valid"))
                .body("detail", not(containsString("Ada")));
    }

    @Test
    void an_expired_code_is_gone() {
        String slug = ScheduleFixtures.newEvent("exchange");
        profile(Tokens.attendee(), slug, "Ada");
        String code = issue(Tokens.attendee(), slug).getString("token");
        new Db(dataSource).update("update exchange_token set issued_at = now() - interval '10 minutes', "
                + "expires_at = now() - interval '1 second' where hash = sha256(?::bytea)", code);
        scan(Tokens.otherAttendee(), slug, code).then().statusCode(410);
    }

    @Test
    void a_code_lives_as_long_as_the_event_settings_say() {
        String slug = ScheduleFixtures.newEvent("exchange");
        profile(Tokens.attendee(), slug, "Ada");
        java.time.Instant before = java.time.Instant.now();
        var expiresAt = java.time.Instant.parse(issue(Tokens.attendee(), slug).getString("expiresAt"));
        assertTrue(expiresAt.isAfter(before.plusSeconds(110)) && expiresAt.isBefore(before.plusSeconds(130)),
                "120 s by default: " + expiresAt);
        Api.organizer().body(java.util.Map.of("exchangeEnabled", true, "retentionDays", 30, "tokenLifetimeSeconds", 600,
                "version", 0)).put("/api/admin/events/" + slug + "/settings").then().statusCode(200);
        expiresAt = java.time.Instant.parse(issue(Tokens.attendee(), slug).getString("expiresAt"));
        assertTrue(expiresAt.isAfter(before.plusSeconds(590)), "600 s once set: " + expiresAt);
    }

    @Test
    void my_own_code_unknown_codes_and_codes_of_another_event_are_refused_without_saying_whose() {
        String slug = ScheduleFixtures.newEvent("exchange");
        String other = ScheduleFixtures.newEvent("exchange");
        profile(Tokens.attendee(), slug, "Ada");
        profile(Tokens.attendee(), other, "Ada");
        String mine = issue(Tokens.attendee(), slug).getString("token");
        scan(Tokens.attendee(), slug, mine).then().statusCode(400).body("title", is("Own code"));
        String elsewhere = issue(Tokens.attendee(), other).getString("token");
        String unknown = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        String wrongEvent = scan(Tokens.otherAttendee(), slug, elsewhere).then().statusCode(404)
                .contentType("application/problem+json").extract().asString();
        String random = scan(Tokens.otherAttendee(), slug, unknown).then().statusCode(404).extract().asString();
        String garbage = scan(Tokens.otherAttendee(), slug, "not a code").then().statusCode(404).extract().asString();
        assertEquals(wrongEvent, random);
        assertEquals(random, garbage);
        // The code of the other event still works there: a failed scan elsewhere did not use it up
        scan(Tokens.otherAttendee(), other, "https://hallway.example/x#" + elsewhere).then().statusCode(201);
    }

    @Test
    void a_code_needs_a_profile_to_share() {
        String slug = ScheduleFixtures.newEvent("exchange");
        Api.as(Tokens.of("tara")).post(tokensPath(slug)).then().statusCode(409).body("title", is("Profile needed"));
    }

    @Test
    void the_current_code_is_drawn_as_a_qr_code_of_its_link() throws Exception {
        String slug = ScheduleFixtures.newEvent("exchange");
        profile(Tokens.attendee(), slug, "Ada");
        Api.attendee().get(tokensPath(slug) + "/current/qr.png").then().statusCode(404);
        String link = issue(Tokens.attendee(), slug).getString("link");

        byte[] png = Api.attendee().get(tokensPath(slug) + "/current/qr.png").then().statusCode(200)
                .contentType("image/png").header("Cache-Control", "no-store").extract().asByteArray();
        assertEquals(link, QrDecoding.decodePng(png));

        Api.attendee().get(tokensPath(slug) + "/current/qr.svg").then().statusCode(200)
                .contentType(containsString("image/svg+xml")).body(startsWith("<?xml")).body(containsString("<path"));
        // Someone else has no current code of mine to draw
        Api.otherAttendee().get(tokensPath(slug) + "/current/qr.svg").then().statusCode(404);
    }

    @Test
    void with_exchange_switched_off_nobody_can_issue_or_redeem() {
        String slug = ScheduleFixtures.newEvent("exchange");
        profile(Tokens.attendee(), slug, "Ada");
        String code = issue(Tokens.attendee(), slug).getString("token");
        Api.organizer().body(java.util.Map.of("exchangeEnabled", false, "retentionDays", 30, "version", 0))
                .put("/api/admin/events/" + slug + "/settings").then().statusCode(200).body("exchangeEnabled", is(false));
        Api.attendee().post(tokensPath(slug)).then().statusCode(403).body("title", is("Exchange switched off"));
        Api.attendee().get(tokensPath(slug) + "/current/qr.png").then().statusCode(403);
        scan(Tokens.otherAttendee(), slug, code).then().statusCode(403).contentType("application/problem+json");

        Api.organizer().body(java.util.Map.of("exchangeEnabled", true, "retentionDays", 30, "version", 1))
                .put("/api/admin/events/" + slug + "/settings").then().statusCode(200);
        scan(Tokens.otherAttendee(), slug, code).then().statusCode(201);
    }
}
