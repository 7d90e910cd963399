package io.hallway.live;

import static io.hallway.testing.LiveFixtures.*;
import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.AgendaFixtures;
import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

/** The public live document: what it says, and its own ETag, apart from the schedule's. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LiveDocumentTest {

    @Test
    void it_lists_each_room_from_the_session_in_progress_on_with_planned_and_expected_times_and_fill() {
        String slug = newEvent("live-doc");
        long theater = room(slug, "Theater", 2);
        long lobby = room(slug, "Lobby", null);
        long over = create(slug, talk("Over", theater, "09:00", "09:30")).getLong("id");
        long running = create(slug, talk("Running", theater, "09:30", "10:00")).getLong("id");
        long next = create(slug, talk("Next", theater, "10:00", "10:30")).getLong("id");
        long meetup = create(slug, session("social", "Meetup", lobby, "09:00", "11:00")).getLong("id");
        AgendaFixtures.bookmark(Api.attendee(), slug, next);
        AgendaFixtures.bookmark(Api.otherAttendee(), slug, next);
        clockAt("09:45");
        runningLate(Api.organizer(), slug, theater, 10).statusCode(200);

        Api.anonymous().get("/api/events/" + slug + "/live").then().statusCode(200)
                .body("event", is(slug))
                .body("timeZone", is(ZONE))
                .body("rooms.name", containsInAnyOrder("Theater", "Lobby"))
                .body("rooms.find { it.name == 'Theater' }.delayMinutes", is(10))
                .body("rooms.find { it.name == 'Theater' }.sessions.id", contains((int) running, (int) next))
                .body("rooms.find { it.name == 'Theater' }.sessions.id", not(hasItem((int) over)))
                .body("rooms.find { it.name == 'Theater' }.sessions[1].plannedStartsAt", is(at("10:00")))
                .body("rooms.find { it.name == 'Theater' }.sessions[1].plannedEndsAt", is(at("10:30")))
                .body("rooms.find { it.name == 'Theater' }.sessions[1].expectedStartsAt", is(at("10:10")))
                .body("rooms.find { it.name == 'Theater' }.sessions[1].expectedEndsAt", is(at("10:40")))
                .body("rooms.find { it.name == 'Theater' }.sessions[1].delayMinutes", is(10))
                .body("rooms.find { it.name == 'Theater' }.sessions[1].fill", is("full"))
                .body("rooms.find { it.name == 'Lobby' }.delayMinutes", is(0))
                .body("rooms.find { it.name == 'Lobby' }.sessions.id", contains((int) meetup))
                .body("rooms.find { it.name == 'Lobby' }.sessions[0]", not(hasKey("fill")))
                .body("$", not(hasKey("generatedAt")));
    }

    @Test
    void its_etag_changes_with_a_delay_and_not_with_an_unrelated_bookmark_or_the_schedule_etag() {
        String slug = newEvent("live-etag");
        long theater = room(slug, "Theater", 100);
        create(slug, talk("Running", theater, "09:30", "10:00"));
        long next = create(slug, talk("Next", theater, "10:00", "10:30")).getLong("id");
        clockAt("09:45");
        String live = "/api/events/" + slug + "/live";
        String scheduleEtag = Api.anonymous().get("/api/events/" + slug + "/schedule").then().extract().header("ETag");
        String etag = Api.anonymous().get(live).then().statusCode(200).header("ETag", startsWith("\"live-"))
                .header("Cache-Control", startsWith("public")).extract().header("ETag");

        Api.anonymous().header("If-None-Match", etag).get(live).then().statusCode(304).header("ETag", is(etag))
                .body(is(emptyOrNullString()));
        // One bookmark in a room for 100: the fill level stays "available", so the document is the same.
        AgendaFixtures.bookmark(Api.attendee(), slug, next);
        Api.anonymous().header("If-None-Match", etag).get(live).then().statusCode(304);

        runningLate(Api.organizer(), slug, theater, 7).statusCode(200);
        String delayed = Api.anonymous().header("If-None-Match", etag).get(live).then().statusCode(200)
                .body("rooms[0].delayMinutes", is(7)).extract().header("ETag");
        assertNotEquals(etag, delayed);
        Api.anonymous().header("If-None-Match", delayed).get(live).then().statusCode(304);
        Api.anonymous().header("If-None-Match", scheduleEtag).get("/api/events/" + slug + "/schedule").then()
                .statusCode(304);

        // On time again: the very document, and ETag, of before.
        onTimeAgain(Api.organizer(), slug, theater).statusCode(204);
        assertEquals(etag, Api.anonymous().get(live).then().statusCode(200).extract().header("ETag"));
    }

    @Test
    void gzip_has_an_etag_of_its_own_and_either_revalidates() {
        String slug = newEvent("live-gzip");
        create(slug, talk("Running", room(slug, "Theater", 100), "09:30", "10:00"));
        clockAt("09:45");
        String live = "/api/events/" + slug + "/live";
        String plain = Api.anonymous().get(live).then().statusCode(200).extract().header("ETag");

        String gzip = Api.anonymous().header("Accept-Encoding", "gzip").get(live).then().statusCode(200)
                .header("Content-Encoding", "gzip").header("Vary", "Accept-Encoding").extract().header("ETag");

        assertEquals(plain.replace("\"", "") + "-gzip", gzip.replace("\"", ""));
        Api.anonymous().header("Accept-Encoding", "gzip").header("If-None-Match", plain).get(live).then().statusCode(304)
                .header("ETag", is(gzip));
        Api.anonymous().get("/api/events/no-such-event/live").then().statusCode(404);
    }

    @Test
    void a_room_status_shows_at_once_in_manual_release_mode_though_the_schedule_waits_for_the_release() {
        String slug = newEvent("live-status");
        long theater = room(slug, "Theater", 100);
        create(slug, talk("Running", theater, "09:30", "10:00"));
        releaseMode(slug, "manual").statusCode(200);
        clockAt("09:45");

        Api.organizer().body(Map.of("status", "full")).put("/api/admin/events/" + slug + "/rooms/" + theater + "/status")
                .then().statusCode(200);

        Api.anonymous().get("/api/events/" + slug + "/live").then().statusCode(200)
                .body("rooms.find { it.name == 'Theater' }.liveStatus", is("full"));
        Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(200)
                .body("rooms.find { it.name == 'Theater' }.liveStatus", nullValue());
    }
}
