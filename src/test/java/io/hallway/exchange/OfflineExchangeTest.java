package io.hallway.exchange;

import static io.hallway.testing.OfflineCodes.*;
import static io.hallway.testing.PeopleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Codes are derived here from the secret the API returns, with the JDK's Mac and the documented recipe, as a
 * mobile app would: independently of the server's code.
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OfflineExchangeTest {

    @Inject
    DataSource dataSource;

    @Test
    void the_secret_carries_what_an_app_needs_and_is_the_same_when_fetched_again() {
        String slug = ScheduleFixtures.newEvent("offline");
        String ada = Tokens.attendee();
        Api.as(ada).post(secretPath(slug)).then().statusCode(409).body("title", is("Profile needed"));
        Api.as(ada).get(secretPath(slug)).then().statusCode(404);
        profile(ada, slug, "Ada");

        JsonPath made = Api.as(ada).post(secretPath(slug)).then().statusCode(201)
                .header("Cache-Control", containsString("no-store"))
                .body("stepSeconds", is(30)).body("algorithm", is("HMAC-SHA256")).body("macLength", is(16))
                .body("format", startsWith("hwo1.<holder>.<step>."))
                .body("createdAt", notNullValue()).body("$", not(hasKey("rotatedAt")))
                .extract().jsonPath();
        assertEquals(32, Base64.getUrlDecoder().decode(made.getString("secret")).length);
        String holder = made.getString("holder");
        assertTrue(holder.matches("[A-Za-z0-9_-]{22}"), holder);
        // 16 random bytes: the user id in any spelling would be shorter. (A digit of the id inside the random text
        // proves nothing either way.)
        long userId = new Db(dataSource).userId(ada);
        assertNotEquals(String.valueOf(userId), holder, "the holder is not the user id");
        assertEquals(16, Base64.getUrlDecoder().decode(holder).length, "the holder is 16 random bytes");

        JsonPath again = Api.as(ada).post(secretPath(slug)).then().statusCode(200).extract().jsonPath();
        JsonPath read = Api.as(ada).get(secretPath(slug)).then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).extract().jsonPath();
        assertEquals(made.getString("secret"), again.getString("secret"));
        assertEquals(made.getString("secret"), read.getString("secret"));
        assertEquals(holder, read.getString("holder"));
        // The database keeps only the random input the secret is derived from with the server key
        assertEquals(0, new Db(dataSource).count("select count(*) from offline_exchange_secret s where s::text like ?",
                "%" + made.getString("secret") + "%"));
    }

    @Test
    void a_code_of_the_scan_times_step_or_one_either_side_is_accepted_and_the_shower_sees_each_connection() {
        String slug = eventWithShower();
        JsonPath secret = secret(Tokens.attendee(), slug);
        Instant scannedAt = Instant.now().minus(Duration.ofMinutes(10));
        long step = step(scannedAt);
        List<String> scanners = List.of(Tokens.otherAttendee(), Tokens.of("zoe"), Tokens.of("hana"));
        for (int i = 0; i < 3; i++) {
            redeem(scanners.get(i), slug, code(secret, step - 1 + i), scannedAt).then().statusCode(201)
                    .body("via", is("offline"))
                    .body("scannedAt", notNullValue())
                    .body("sharedWithMe", is(true)).body("sharingBack", is(false))
                    .body("person.displayName", is("Ada"));
        }
        Api.attendee().get(connectionsPath(slug)).then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.via", everyItem(is("offline")))
                // Showing the code gave my fields; the scanners give theirs only if they share back
                .body("items.sharingBack", everyItem(is(true)))
                .body("items.sharedWithMe", everyItem(is(false)));
        Instant claimed = Instant.parse(Api.attendee().get(connectionsPath(slug)).then().extract().jsonPath()
                .getString("items[0].scannedAt"));
        assertEquals(scannedAt.getEpochSecond(), claimed.getEpochSecond());
    }

    @Test
    void a_code_two_steps_from_the_scan_time_is_refused_and_changes_nothing() {
        String slug = eventWithShower();
        JsonPath secret = secret(Tokens.attendee(), slug);
        Instant scannedAt = Instant.now().minus(Duration.ofMinutes(10));
        for (long off : new long[] { -2, 2, -40 }) {
            redeem(Tokens.otherAttendee(), slug, code(secret, step(scannedAt) + off), scannedAt).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", is("urn:hallway:problem:code-not-shown-at-scan-time"));
        }
        assertEquals(0, connectionsIn(slug));
        // Refused, not used: the same code with a scan time that matches it still works
        Instant matching = scannedAt.plusSeconds(60);
        redeem(Tokens.otherAttendee(), slug, code(secret, step(scannedAt) + 2), matching).then().statusCode(201);
    }

    @Test
    void a_scan_older_than_the_grace_period_or_later_than_now_is_refused() {
        String slug = eventWithShower();
        JsonPath secret = secret(Tokens.attendee(), slug);
        Instant tooOld = Instant.now().minus(Duration.ofHours(12)).minus(Duration.ofMinutes(1));
        redeem(Tokens.otherAttendee(), slug, code(secret, step(tooOld)), tooOld).then().statusCode(410)
                .body("type", is("urn:hallway:problem:scan-too-old")).body("detail", containsString("12 h"));
        Instant future = Instant.now().plus(Duration.ofMinutes(5));
        redeem(Tokens.otherAttendee(), slug, code(secret, step(future)), future).then().statusCode(422)
                .body("type", is("urn:hallway:problem:scan-time-in-future"));
        assertEquals(0, connectionsIn(slug));

        Instant withinGrace = Instant.now().minus(Duration.ofHours(11)).minus(Duration.ofMinutes(50));
        redeem(Tokens.otherAttendee(), slug, code(secret, step(withinGrace)), withinGrace).then().statusCode(201);
        // A scanning phone's clock a minute ahead of the server's is within the allowed skew, and read as now
        Instant slightlyAhead = Instant.now().plus(Duration.ofMinutes(1));
        String recorded = redeem(Tokens.of("zoe"), slug, code(secret, step(slightlyAhead)), slightlyAhead).then()
                .statusCode(201).extract().path("scannedAt");
        assertFalse(OffsetDateTime.parse(recorded).toInstant().isAfter(Instant.now()), recorded);
    }

    @Test
    void a_scan_time_in_another_offset_is_the_same_instant() {
        String slug = eventWithShower();
        JsonPath secret = secret(Tokens.attendee(), slug);
        Instant scannedAt = Instant.now().minus(Duration.ofMinutes(3));
        OffsetDateTime inTokyo = scannedAt.atOffset(ZoneOffset.ofHours(9));
        Api.otherAttendee().body(Map.of("code", code(secret, step(scannedAt)), "scannedAt", inTokyo.toString()))
                .post(offlinePath(slug)).then().statusCode(201);
    }

    @Test
    void a_code_is_redeemed_once_whoever_scans_it_again() {
        String slug = eventWithShower();
        JsonPath secret = secret(Tokens.attendee(), slug);
        Instant scannedAt = Instant.now().minusSeconds(30);
        String code = code(secret, step(scannedAt));
        redeem(Tokens.otherAttendee(), slug, code, scannedAt).then().statusCode(201);
        redeem(Tokens.of("zoe"), slug, code, scannedAt).then().statusCode(410)
                .contentType("application/problem+json")
                .body("type", is("urn:hallway:problem:offline-code-used"))
                .body("detail", not(containsString("Ada")));
        redeem(Tokens.otherAttendee(), slug, code, scannedAt).then().statusCode(410);
        assertEquals(1, connectionsIn(slug));
    }

    @Test
    void a_code_of_someone_who_blocked_me_reads_as_used_and_stays_unused_until_the_unblock() {
        String slug = eventWithShower();
        long brunoProfile = Api.otherAttendee().get("/api/events/" + slug + "/me/profile").then().statusCode(200)
                .extract().jsonPath().getLong("id");
        Api.attendee().put("/api/events/" + slug + "/me/blocks/" + brunoProfile).then().statusCode(204);
        JsonPath secret = secret(Tokens.attendee(), slug);
        Instant scannedAt = Instant.now().minusSeconds(30);
        String code = code(secret, step(scannedAt));

        redeem(Tokens.otherAttendee(), slug, code, scannedAt).then().statusCode(410)
                .body("type", is("urn:hallway:problem:offline-code-used"));
        assertEquals(0, connectionsIn(slug));

        Api.attendee().delete("/api/events/" + slug + "/me/blocks/" + brunoProfile).then().statusCode(204);
        redeem(Tokens.otherAttendee(), slug, code, scannedAt).then().statusCode(201);
        assertEquals(1, connectionsIn(slug));
    }

    @Test
    void a_retry_with_the_same_idempotency_key_gets_the_first_outcome() {
        String slug = eventWithShower();
        JsonPath secret = secret(Tokens.attendee(), slug);
        Instant scannedAt = Instant.now().minusSeconds(30);
        String code = code(secret, step(scannedAt));
        String key = UUID.randomUUID().toString();
        long first = redeem(Tokens.otherAttendee(), slug, code, scannedAt, key).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        redeem(Tokens.otherAttendee(), slug, code, scannedAt, key).then().statusCode(201).body("id", is((int) first));
    }

    @Test
    void after_a_rotation_codes_of_the_old_secret_are_refused_and_the_new_ones_work() {
        String slug = eventWithShower();
        JsonPath old = secret(Tokens.attendee(), slug);
        JsonPath rotated = Api.attendee().post(secretPath(slug) + "/rotate").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("rotatedAt", notNullValue()).body("createdAt", is(old.getString("createdAt")))
                .extract().jsonPath();
        assertNotEquals(old.getString("secret"), rotated.getString("secret"));
        assertNotEquals(old.getString("holder"), rotated.getString("holder"));

        Instant scannedAt = Instant.now().minusSeconds(60);
        redeem(Tokens.otherAttendee(), slug, code(old, step(scannedAt)), scannedAt).then().statusCode(404)
                .body("detail", is("This code is not valid for this event."));
        // The old holder with a MAC from the new secret is no code either
        String mixed = "hwo1." + old.getString("holder") + "." + step(scannedAt) + "."
                + mac(rotated.getString("secret"), step(scannedAt));
        redeem(Tokens.otherAttendee(), slug, mixed, scannedAt).then().statusCode(404);
        redeem(Tokens.otherAttendee(), slug, code(rotated, step(scannedAt)), scannedAt).then().statusCode(201);
        Api.attendee().get(secretPath(slug)).then().statusCode(200).body("secret", is(rotated.getString("secret")));
        Api.as(Tokens.of("zoe")).post(secretPath(slug) + "/rotate").then().statusCode(404);
    }

    @Test
    void fifty_concurrent_redeems_of_one_code_make_exactly_one_connection_and_no_server_error() throws Exception {
        String slug = eventWithShower();
        JsonPath secret = secret(Tokens.attendee(), slug);
        Instant scannedAt = Instant.now().minusSeconds(90);
        String code = code(secret, step(scannedAt));
        // Five scanners ten times each stay under the per-person scan limit
        List<String> scanners = List.of(Tokens.otherAttendee(), Tokens.of("zoe"), Tokens.of("hana"), Tokens.of("hugo"),
                Tokens.of("edith"));
        CyclicBarrier start = new CyclicBarrier(50);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<CompletableFuture<Integer>> redeems = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String scanner = scanners.get(i % scanners.size());
                redeems.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return redeem(scanner, slug, code, scannedAt).statusCode();
                }, pool));
            }
            Map<Integer, Integer> statuses = new HashMap<>();
            for (CompletableFuture<Integer> redeem : redeems) {
                statuses.merge(redeem.get(), 1, Integer::sum);
            }
            assertEquals(Map.of(201, 1, 410, 49), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, connectionsIn(slug));
    }

    @Test
    void my_own_code_a_forged_one_and_another_events_are_refused() {
        String slug = eventWithShower();
        String other = eventWithShower();
        JsonPath secret = secret(Tokens.attendee(), slug);
        JsonPath elsewhere = secret(Tokens.attendee(), other);
        Instant scannedAt = Instant.now().minusSeconds(60);
        long step = step(scannedAt);
        redeem(Tokens.attendee(), slug, code(secret, step), scannedAt).then().statusCode(400).body("title", is("Own code"));
        String forged = "hwo1." + secret.getString("holder") + "." + step + ".AAAAAAAAAAAAAAAA";
        String wrongEvent = redeem(Tokens.otherAttendee(), slug, code(elsewhere, step), scannedAt).then().statusCode(404)
                .extract().jsonPath().getString("detail");
        String forgedDetail = redeem(Tokens.otherAttendee(), slug, forged, scannedAt).then().statusCode(404)
                .extract().jsonPath().getString("detail");
        String garbage = redeem(Tokens.otherAttendee(), slug, "not a code", scannedAt).then().statusCode(404)
                .extract().jsonPath().getString("detail");
        assertEquals(wrongEvent, forgedDetail);
        assertEquals(forgedDetail, garbage);
        // An online code is not an offline one
        String online = issue(Tokens.attendee(), slug).getString("token");
        redeem(Tokens.otherAttendee(), slug, online, scannedAt).then().statusCode(404);
        assertEquals(0, connectionsIn(slug));
    }

    @Test
    void a_scan_without_its_time_is_invalid() {
        String slug = eventWithShower();
        JsonPath secret = secret(Tokens.attendee(), slug);
        Api.otherAttendee().body(Map.of("code", code(secret, step(Instant.now())))).post(offlinePath(slug)).then()
                .statusCode(400).body("violations[0].field", containsString("scannedAt"));
        Api.otherAttendee().body(Map.of("code", code(secret, step(Instant.now())), "scannedAt", "yesterday"))
                .post(offlinePath(slug)).then().statusCode(400);
        assertEquals(0, connectionsIn(slug));
    }

    @Test
    void nothing_works_while_the_organizers_switch_the_exchange_off_except_rotating() {
        String slug = eventWithShower();
        JsonPath secret = secret(Tokens.attendee(), slug);
        profile(Tokens.otherAttendee(), slug, "Bruno");
        Api.organizer().body(Map.of("exchangeEnabled", false, "retentionDays", 30, "version", 0))
                .put("/api/admin/events/" + slug + "/settings").then().statusCode(200);
        Instant scannedAt = Instant.now().minusSeconds(60);
        redeem(Tokens.otherAttendee(), slug, code(secret, step(scannedAt)), scannedAt).then().statusCode(403)
                .body("title", is("Exchange switched off"));
        Api.otherAttendee().post(secretPath(slug)).then().statusCode(403);
        Api.attendee().post(secretPath(slug) + "/rotate").then().statusCode(200);
        assertEquals(0, connectionsIn(slug));
    }

    @Test
    void offline_redeems_share_the_scan_rate_limit() {
        String slug = eventWithShower();
        JsonPath secret = secret(Tokens.attendee(), slug);
        Instant scannedAt = Instant.now().minusSeconds(60);
        Response last = null;
        for (int i = 0; i < 31; i++) {
            last = redeem(Tokens.of("hugo"), slug, "hwo1.nothing", scannedAt);
            if (last.statusCode() == 429) {
                break;
            }
        }
        last.then().statusCode(429).header("Retry-After", notNullValue());
        redeem(Tokens.of("hugo"), slug, code(secret, step(scannedAt)), scannedAt).then().statusCode(429);
        assertEquals(0, connectionsIn(slug));
    }

    @Test
    void the_export_says_when_my_secret_was_made_and_rotated_never_the_secret_and_erasure_removes_it() {
        String slug = eventWithShower();
        JsonPath secret = secret(Tokens.attendee(), slug);
        Instant scannedAt = Instant.now().minusSeconds(60);
        redeem(Tokens.otherAttendee(), slug, code(secret, step(scannedAt)), scannedAt).then().statusCode(201);
        JsonPath rotated = Api.attendee().post(secretPath(slug) + "/rotate").then().statusCode(200).extract().jsonPath();
        redeem(Tokens.of("zoe"), slug, code(rotated, step(scannedAt)), scannedAt).then().statusCode(201);

        String export = Api.attendee().get("/api/events/" + slug + "/me/export").then().statusCode(200)
                .body("offlineExchange.createdAt", notNullValue())
                .body("offlineExchange.rotatedAt", notNullValue())
                .body("exchange.connections.via", everyItem(is("offline")))
                .body("exchange.connections.scannedAt", everyItem(notNullValue()))
                .extract().asString();
        assertFalse(export.contains(secret.getString("secret")), export);
        assertFalse(export.contains(rotated.getString("secret")), export);
        assertFalse(export.contains(rotated.getString("holder")), export);

        Db db = new Db(dataSource);
        long event = db.count("select id from event where slug = ?", slug);
        long ada = db.userId(Tokens.attendee());
        assertEquals(1, db.count("""
                select count(*) from offline_code_use u join offline_exchange_secret s on s.id = u.secret_id
                where s.event_id = ? and s.user_id = ?""", event, ada));
        Api.attendee().delete("/api/events/" + slug + "/me").then().statusCode(204);
        assertEquals(0, db.count("select count(*) from offline_exchange_secret where event_id = ? and user_id = ?", event, ada));
        assertEquals(0, db.count("select count(*) from offline_code_use u where not exists "
                + "(select 1 from offline_exchange_secret s where s.id = u.secret_id)"));
        Api.attendee().get("/api/events/" + slug + "/me/export").then().statusCode(200)
                .body("$", not(hasKey("offlineExchange")));
        redeem(Tokens.of("hana"), slug, code(rotated, step(scannedAt)), scannedAt).then().statusCode(404);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** A new event where Ada (the shower) and the scanners have profiles. */
    private static String eventWithShower() {
        String slug = ScheduleFixtures.newEvent("offline");
        profile(Tokens.attendee(), slug, "Ada");
        for (String name : List.of("zoe", "hana", "hugo", "edith")) {
            profile(Tokens.of(name), slug, name.substring(0, 1).toUpperCase() + name.substring(1));
        }
        profile(Tokens.otherAttendee(), slug, "Bruno");
        return slug;
    }

    private static JsonPath secret(String token, String slug) {
        return Api.as(token).post(secretPath(slug)).then().statusCode(anyOf(is(200), is(201))).extract().jsonPath();
    }

    private static String secretPath(String slug) {
        return "/api/events/" + slug + "/me/offline-exchange";
    }

    private static String offlinePath(String slug) {
        return connectionsPath(slug) + "/offline";
    }

    private static Response redeem(String scanner, String slug, String code, Instant scannedAt) {
        return Api.as(scanner).body(Map.of("code", code, "scannedAt", scannedAt.atOffset(ZoneOffset.UTC).toString()))
                .post(offlinePath(slug));
    }

    private static Response redeem(String scanner, String slug, String code, Instant scannedAt, String idempotencyKey) {
        return Api.as(scanner).header("Idempotency-Key", idempotencyKey)
                .body(Map.of("code", code, "scannedAt", scannedAt.atOffset(ZoneOffset.UTC).toString()))
                .post(offlinePath(slug));
    }

    private long connectionsIn(String slug) {
        return new Db(dataSource).count("select count(*) from connection c join event e on e.id = c.event_id where e.slug = ?",
                slug);
    }
}
