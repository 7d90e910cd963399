package io.hallway.schedule;

import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ScheduleRulesTest {

    String slug;
    String sessions;
    long theater;
    long flex;
    long riley;

    @BeforeEach
    void a_fresh_event() {
        slug = newEvent("rules");
        sessions = "/api/admin/events/" + slug + "/sessions";
        theater = room(slug, "Theater", 120);
        flex = room(slug, "Flex Space", 40);
        riley = speaker(slug, "Riley");
    }

    @Test
    void a_session_must_end_after_it_starts() {
        Api.organizer().body(talk("Backwards", theater, "10:00", "09:45")).post(sessions).then().statusCode(400)
                .body("violations[0].field", equalTo("endsAt"))
                .body("violations[0].message", containsString("after startsAt"));
        assertNothingStored();
    }

    @Test
    void a_session_must_lie_within_the_event_dates_in_its_time_zone() {
        var early = talk("Too early", theater, "09:00", "09:30");
        early.put("startsAt", "2024-11-09T23:50:00-07:00");
        early.put("endsAt", "2024-11-10T00:10:00-07:00");
        Api.organizer().body(early).post(sessions).then().statusCode(400)
                .body("violations[0].field", equalTo("startsAt"))
                .body("detail", containsString("America/Denver"));
        var late = talk("Too late", theater, "09:00", "09:30");
        late.put("startsAt", "2024-11-10T23:50:00-07:00");
        late.put("endsAt", "2024-11-11T00:10:00-07:00");
        Api.organizer().body(late).post(sessions).then().statusCode(400).body("violations[0].field", equalTo("endsAt"));
        assertNothingStored();
    }

    @Test
    void a_talk_lasts_at_most_thirty_minutes_and_a_lightning_talk_exactly_five() {
        Api.organizer().body(talk("Thirty-one", theater, "09:00", "09:31")).post(sessions).then().statusCode(400)
                .body("detail", containsString("at most 30 minutes"));
        Api.organizer().body(session("lightning-talk", "Six minutes", theater, "09:00", "09:06")).post(sessions)
                .then().statusCode(400).body("detail", containsString("exactly 5 minutes"));
        Api.organizer().body(session("lightning-talk", "Five minutes", theater, "09:00", "09:05")).post(sessions)
                .then().statusCode(201);
        Api.organizer().body(talk("Thirty", theater, "10:00", "10:30")).post(sessions).then().statusCode(201);
    }

    @Test
    void an_event_can_set_its_own_duration_limits() {
        String custom = "limits-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.organizer().body(Map.of("slug", custom, "name", "Long talks", "timeZone", ZONE, "startDate", DAY,
                "endDate", DAY, "published", true, "durationLimits", Map.of("talk", 45)))
                .post("/api/admin/events").then().statusCode(201).body("durationLimits.talk", equalTo(45));
        long hall = room(custom, "Hall", null);
        Api.organizer().body(talk("Forty-five", hall, "09:00", "09:45")).post("/api/admin/events/" + custom + "/sessions")
                .then().statusCode(201);
    }

    @Test
    void a_room_cannot_hold_two_overlapping_sessions() {
        long first = create(slug, talk("First", theater, "09:00", "09:30")).getLong("id");
        Api.organizer().body(talk("Second", theater, "09:15", "09:45")).post(sessions).then().statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Room already in use"))
                .body("detail", containsString("\"First\""))
                .body("clashingSessionId", equalTo((int) first));
        // Back to back is fine, and so is the same time in another room.
        Api.organizer().body(talk("Back to back", theater, "09:30", "10:00")).post(sessions).then().statusCode(201);
        Api.organizer().body(talk("Elsewhere", flex, "09:15", "09:45")).post(sessions).then().statusCode(201);
    }

    @Test
    void a_speaker_cannot_be_in_two_overlapping_sessions() {
        long first = create(slug, talk("First", theater, "09:00", "09:30", riley)).getLong("id");
        Api.organizer().body(talk("Elsewhere", flex, "09:20", "09:50", riley)).post(sessions).then().statusCode(409)
                .body("title", equalTo("Speaker already booked"))
                .body("detail", containsString("Riley"))
                .body("clashingSessionId", equalTo((int) first))
                .body("speakerId", equalTo((int) riley));
        assertSessionCount(1);
    }

    @Test
    void a_session_clashes_with_a_lightning_block_in_its_room() {
        long block = block(slug, "Lightning", theater, "11:00", "11:30");
        Api.organizer().body(talk("Overlaps the block", theater, "11:20", "11:50")).post(sessions).then()
                .statusCode(409).body("clashingBlockId", equalTo((int) block));
        Api.organizer().body(Map.of("title", "Another block", "roomId", theater, "startsAt", at("11:25"),
                "endsAt", at("11:40"))).post("/api/admin/events/" + slug + "/blocks").then().statusCode(409);
    }

    @Test
    void unknown_references_are_400_and_unknown_paths_404() {
        Api.organizer().body(talk("Nowhere", 999_999, "09:00", "09:30")).post(sessions).then().statusCode(400)
                .body("violations[0].field", equalTo("roomId"));
        Api.organizer().body(talk("Nobody", theater, "09:00", "09:30", 999_999L)).post(sessions).then().statusCode(400)
                .body("violations[0].field", equalTo("speakerIds"));
        var withTrack = talk("No track", theater, "09:00", "09:30");
        withTrack.put("trackId", 999_999);
        Api.organizer().body(withTrack).post(sessions).then().statusCode(400).body("violations[0].field", equalTo("trackId"));
        String other = newEvent("other");
        long otherRoom = room(other, "Other room", null);
        Api.organizer().body(talk("Other event's room", otherRoom, "09:00", "09:30")).post(sessions).then()
                .statusCode(400);
        Api.organizer().get(sessions + "/999999").then().statusCode(404);
        Api.organizer().header("If-Match", "\"0\"").body(talk("x", theater, "09:00", "09:30")).put(sessions + "/999999")
                .then().statusCode(404);
        // The event is looked up before the body is read: no event, no validation of what was sent to it.
        Api.organizer().post("/api/admin/events/no-such-event/rooms").then().statusCode(404);
        Api.organizer().body(Map.of("name", "x")).post("/api/admin/events/no-such-event/rooms").then().statusCode(404);
        assertSessionCount(0);
    }

    @Test
    void a_stale_update_is_409_and_changes_nothing() {
        long id = create(slug, talk("Original", theater, "09:00", "09:30")).getLong("id");
        var rename = talk("Renamed", theater, "09:00", "09:30");
        rename.put("version", 0);
        Api.organizer().body(rename).put(sessions + "/" + id).then().statusCode(200).body("version", equalTo(1));

        var stale = talk("Lost update", theater, "10:00", "10:30");
        stale.put("version", 0);
        Api.organizer().body(stale).put(sessions + "/" + id).then().statusCode(409)
                .body("title", equalTo("Stale version")).body("currentVersion", equalTo(1));
        Api.organizer().header("If-Match", "\"0\"").body(talk("Lost again", theater, "10:00", "10:30"))
                .put(sessions + "/" + id).then().statusCode(409);
        Api.organizer().get(sessions + "/" + id).then().header("ETag", equalTo("\"1\""))
                .body("title", equalTo("Renamed")).body("startsAt", equalTo(at("09:00")));
        Api.organizer().body(talk("No version", theater, "10:00", "10:30")).put(sessions + "/" + id).then()
                .statusCode(428);
    }

    @Test
    void a_stale_room_speaker_and_event_update_is_409_too() {
        Api.organizer().body(Map.of("name", "Theatre", "version", 7)).put("/api/admin/events/" + slug + "/rooms/" + theater)
                .then().statusCode(409);
        Api.organizer().body(Map.of("name", "Riley R.", "version", 3))
                .put("/api/admin/events/" + slug + "/speakers/" + riley).then().statusCode(409);
        Api.organizer().body(Map.of("slug", slug, "name", "Renamed", "timeZone", ZONE, "startDate", DAY, "endDate", DAY,
                "published", true, "version", 42)).put("/api/admin/events/" + slug).then().statusCode(409);
        Api.organizer().get("/api/admin/events/" + slug + "/rooms/" + theater).then().body("name", equalTo("Theater"));
    }

    @Test
    void a_cancelled_session_stays_in_the_schedule_and_frees_its_room() {
        long id = create(slug, talk("Cancelled talk", theater, "09:00", "09:30", riley)).getLong("id");
        var cancel = talk("Cancelled talk", theater, "09:00", "09:30", riley);
        cancel.put("status", "cancelled");
        cancel.put("version", 0);
        Api.organizer().body(cancel).put(sessions + "/" + id).then().statusCode(200).body("status", equalTo("cancelled"));

        Api.anonymous().get("/api/events/" + slug + "/schedule").then()
                .body("sessions.find { it.id == " + id + " }.status", equalTo("cancelled"));
        Api.organizer().body(talk("Replacement", theater, "09:00", "09:30", riley)).post(sessions).then().statusCode(201);
    }

    @Test
    void a_deleted_session_leaves_the_schedule() {
        long id = create(slug, talk("Deleted talk", theater, "09:00", "09:30")).getLong("id");
        Api.organizer().delete(sessions + "/" + id).then().statusCode(204);
        Api.anonymous().get("/api/events/" + slug + "/schedule").then().body("sessions", empty());
        Api.anonymous().get("/api/events/" + slug + "/sessions/" + id).then().statusCode(404);
        Api.organizer().delete(sessions + "/" + id).then().statusCode(404);
    }

    @Test
    void rooms_speakers_and_tracks_in_use_cannot_be_deleted() {
        long track = track(slug, "Security");
        var talk = talk("Busy", theater, "09:00", "09:30", riley);
        talk.put("trackId", track);
        create(slug, talk);
        Api.organizer().delete("/api/admin/events/" + slug + "/rooms/" + theater).then().statusCode(409)
                .body("title", equalTo("Room in use"));
        Api.organizer().delete("/api/admin/events/" + slug + "/speakers/" + riley).then().statusCode(409);
        Api.organizer().delete("/api/admin/events/" + slug + "/tracks/" + track).then().statusCode(409);
        Api.organizer().delete("/api/admin/events/" + slug + "/rooms/" + flex).then().statusCode(204);
    }

    @Test
    void room_names_are_unique_per_event() {
        Api.organizer().body(Map.of("name", "Theater")).post("/api/admin/events/" + slug + "/rooms").then()
                .statusCode(409).body("title", equalTo("Room name taken"));
    }

    @Test
    void a_talk_needs_a_room_but_a_break_does_not() {
        Api.organizer().body(session("talk", "Homeless", null, "09:00", "09:30")).post(sessions).then().statusCode(400)
                .body("violations[0].field", equalTo("roomId"));
        Api.organizer().body(session("break", "Lunch", null, "12:00", "13:00")).post(sessions).then().statusCode(201);
    }

    private void assertNothingStored() {
        assertSessionCount(0);
    }

    private void assertSessionCount(int count) {
        Api.organizer().get(sessions).then().statusCode(200).body("totalItems", equalTo(count));
    }
}
