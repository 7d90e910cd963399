package io.hallway.schedule;

import static io.hallway.testing.AgendaFixtures.cursor;
import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.common.ServerKeys;
import io.hallway.schedule.ScheduleCursors;
import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/** Cursors are handed out by the server and only taken back as they were handed out. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ScheduleCursorTest {

    @Inject
    DataSource dataSource;

    Db db;

    @BeforeEach
    void connect() {
        db = new Db(dataSource);
    }

    @Test
    void a_cursor_with_any_bit_changed_is_a_bad_request() {
        String slug = newEvent("cursor-forged");
        long theater = room(slug, "Theater", 120);
        create(slug, talk("Keynote", theater, "09:00", "09:30"));
        room(slug, "Flex Space", 40);
        String genuine = cursor(slug);
        String path = "/api/events/" + slug + "/schedule/changes";
        Api.anonymous().queryParam("since", genuine).get(path).then().statusCode(200);

        // Whatever a cursor holds, changing any one bit of it must not give another cursor the server takes.
        byte[] bytes = Base64.getUrlDecoder().decode(genuine);
        Map<String, Integer> accepted = new LinkedHashMap<>();
        for (int i = 0; i < bytes.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] forged = bytes.clone();
                forged[i] ^= (byte) (1 << bit);
                String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(forged);
                int status = Api.anonymous().queryParam("since", cursor).get(path).then().extract().statusCode();
                if (status != 400) {
                    accepted.put("byte " + i + " bit " + bit, status);
                }
            }
        }
        assertEquals(Map.of(), accepted);

        bytes[bytes.length - 1] ^= 1;
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Api.anonymous().queryParam("since", forged).get(path).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("since"));
        Api.attendee().queryParam("since", forged).get("/api/events/" + slug + "/agenda/changes").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("since"));
    }

    @Test
    void a_cursor_in_the_format_from_before_signed_cursors_is_told_to_fetch_the_full_snapshot() {
        String slug = newEvent("cursor-legacy");
        long eventId = db.count("select id from event where slug = ?", slug);
        room(slug, "Theater", 120);
        long older = scheduleVersion(slug);
        room(slug, "Flex Space", 40);
        long current = scheduleVersion(slug);

        for (long version : List.of(older, current)) {
            String legacy = legacyCursor(eventId, version);
            Api.anonymous().queryParam("since", legacy).get("/api/events/" + slug + "/schedule/changes").then()
                    .statusCode(410).contentType("application/problem+json")
                    .body("title", equalTo("Cursor too old"))
                    .body("snapshot", equalTo("/api/events/" + slug + "/schedule"));
            Api.attendee().queryParam("since", legacy).get("/api/events/" + slug + "/agenda/changes").then()
                    .statusCode(410).contentType("application/problem+json")
                    .body("title", equalTo("Cursor too old"))
                    .body("snapshot", equalTo("/api/events/" + slug + "/schedule"));
        }
    }

    @Test
    void a_cursor_in_the_old_format_for_another_event_or_a_future_version_is_a_bad_request() {
        String slug = newEvent("cursor-legacy-bad");
        long eventId = db.count("select id from event where slug = ?", slug);
        String other = newEvent("cursor-legacy-other");
        long otherId = db.count("select id from event where slug = ?", other);

        for (String cursor : List.of(legacyCursor(otherId, 1), legacyCursor(eventId, scheduleVersion(slug) + 5))) {
            Api.anonymous().queryParam("since", cursor).get("/api/events/" + slug + "/schedule/changes").then()
                    .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("since"));
            Api.attendee().queryParam("since", cursor).get("/api/events/" + slug + "/agenda/changes").then()
                    .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("since"));
        }
    }

    @Test
    void a_cursor_handed_out_before_a_restart_is_still_taken() {
        String slug = newEvent("cursor-restart");
        long eventId = db.count("select id from event where slug = ?", slug);
        room(slug, "Theater", 120);
        String cursor = cursor(slug);

        // What a replica started later, or this one after a restart, makes of it: it reads the key from the database.
        var restarted = new ScheduleCursors(new ServerKeys(dataSource, new SimpleMeterRegistry()));

        assertEquals(Optional.of(new ScheduleCursors.Position(scheduleVersion(slug), false)), restarted.read(cursor, eventId));
    }

    /** A cursor as servers handed them out before cursors were signed; apps may still hold one. */
    private static String legacyCursor(long eventId, long version) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("sv1:" + eventId + ":" + version).getBytes(StandardCharsets.US_ASCII));
    }
}
