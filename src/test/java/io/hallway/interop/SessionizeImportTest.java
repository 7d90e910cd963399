package io.hallway.interop;

import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.schedule.SessionStatus;
import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SessionizeImportTest {

    @Inject
    RecordedSessionChanges changes;

    @Test
    void a_sessionize_document_becomes_rooms_tracks_speakers_sessions_and_a_lightning_block() {
        String slug = newEvent("sessionize");

        importDocument(slug, SessionizeDocument.conference().toMap()).statusCode(200)
                .body("created", equalTo(2 + 2 + 4 + 1 + 7)) // rooms, tracks, speakers, block, sessions
                .body("skippedCount", equalTo(1))
                .body("skipped[0].sourceId", equalTo("s3"))
                .body("skipped[0].reason", containsString("not scheduled"));

        JsonPath schedule = schedule(slug);
        assertEquals(List.of("Main Hall", "Side Room"), schedule.getList("rooms.name"));
        assertEquals(List.of("Cloud", "Security"), schedule.getList("tracks.name"));
        Map<String, Object> kube = session(schedule, "Kubernetes at scale");
        assertEquals("talk", kube.get("kind"));
        assertEquals("2024-11-10T09:00:00-07:00", kube.get("startsAt"));
        assertEquals("2024-11-10T09:30:00-07:00", kube.get("endsAt"));
        assertEquals("Beginner", kube.get("level"));
        assertEquals(List.of("eBPF"), kube.get("tags"));
        assertEquals(schedule.getLong("tracks.find { it.name == 'Cloud' }.id"), ((Number) kube.get("trackId")).longValue());
        assertEquals(schedule.getLong("rooms.find { it.name == 'Main Hall' }.id"), ((Number) kube.get("roomId")).longValue());
        assertEquals("About Kubernetes at scale.", kube.get("abstract"));
        Map<String, Object> coffee = session(schedule, "Coffee break");
        assertEquals("break", coffee.get("kind"));
        assertEquals(null, coffee.get("roomId"));
        assertEquals("workshop", session(schedule, "Hands-on policy as code").get("kind"));
        assertEquals(90, session(schedule, "Hands-on policy as code").get("durationMinutes"));

        assertEquals(1, schedule.getList("blocks").size());
        assertEquals("Lightning talk", schedule.getString("blocks[0].title"));
        assertEquals("2024-11-10T10:00:00-07:00", schedule.getString("blocks[0].startsAt"));
        assertEquals("2024-11-10T10:15:00-07:00", schedule.getString("blocks[0].endsAt"));
        List<String> lightning = List.of("eBPF in five minutes", "YAML is fine", "My first operator");
        for (int position = 0; position < lightning.size(); position++) {
            Map<String, Object> talk = session(schedule, lightning.get(position));
            assertEquals("lightning-talk", talk.get("kind"));
            assertEquals(position, talk.get("blockPosition"));
            assertEquals(schedule.getInt("blocks[0].id"), talk.get("blockId"));
            assertEquals(at(List.of("10:00", "10:05", "10:10").get(position)), talk.get("startsAt"));
        }
        Map<String, Object> ada = schedule.getMap("speakers.find { it.name == 'Ada Lovelace' }");
        assertEquals("Engineer at Lovelace Labs", ada.get("title"));
        assertEquals("https://sessionize.com/image/sp-ada.jpg", ada.get("photoUrl"));
        assertEquals(List.of(Map.of("title", "X (Twitter)", "url", "https://x.com/sp-ada")), ada.get("links"));
    }

    @Test
    void edits_at_the_source_move_rename_cancel_and_remove_exactly_what_changed() {
        String slug = newEvent("resync");
        importDocument(slug, SessionizeDocument.conference().toMap()).statusCode(200);
        JsonPath before = schedule(slug);

        var edited = SessionizeDocument.conference();
        edited.session("s1").putAll(Map.of("startsAt", "2024-11-10T11:00:00", "endsAt", "2024-11-10T11:30:00", "roomId", 102));
        edited.session("s2").put("title", "Signing your whole supply chain");
        edited.session("w1").put("status", "Cancelled");
        edited.sessions.remove(edited.session("svc-coffee"));
        edited.sessions.remove(edited.session("l2"));

        importDocument(slug, edited.toMap()).statusCode(200)
                .body("removed", equalTo(2))
                .body("changes.findAll { it.action == 'removed' }.sourceId", containsInAnyOrder("svc-coffee", "l2"))
                .body("changes.findAll { it.action == 'updated' && it.kind == 'session' }.sourceId",
                        hasItems("s1", "s2", "w1"))
                .body("changes.findAll { it.action == 'created' }.kind", everyItem(equalTo("block")))
                .body("scheduleVersion", equalTo(before.getInt("scheduleVersion") + 1));

        JsonPath after = schedule(slug);
        Map<String, Object> moved = session(after, "Kubernetes at scale");
        assertEquals(session(before, "Kubernetes at scale").get("id"), moved.get("id"));
        assertEquals(at("11:00"), moved.get("startsAt"));
        assertEquals(after.getInt("rooms.find { it.name == 'Side Room' }.id"), moved.get("roomId"));
        assertEquals(session(before, "Signing your supply chain").get("id"),
                session(after, "Signing your whole supply chain").get("id"));
        assertEquals("cancelled", session(after, "Hands-on policy as code").get("status"));
        assertEquals(List.of(), after.getList("sessions.findAll { it.title == 'Coffee break' || it.title == 'YAML is fine' }"));
        // The talk after the removed one keeps its time at the source, so it is now a block of its own.
        assertEquals(at("10:10"), session(after, "My first operator").get("startsAt"));
        assertEquals(session(before, "My first operator").get("id"), session(after, "My first operator").get("id"));
        Map<String, Object> untouched = session(after, "eBPF in five minutes");
        assertEquals(session(before, "eBPF in five minutes"), untouched);
    }

    @Test
    void an_import_announces_each_changed_session_once_the_way_an_organizer_edit_does() {
        String slug = newEvent("announce");
        importDocument(slug, SessionizeDocument.conference().toMap()).statusCode(200);
        JsonPath before = schedule(slug);
        long kube = ((Number) session(before, "Kubernetes at scale").get("id")).longValue();
        long coffee = ((Number) session(before, "Coffee break").get("id")).longValue();
        long lightning = ((Number) session(before, "YAML is fine").get("id")).longValue();
        assertEquals(1, changes.of(kube).size());
        assertEquals(null, changes.of(kube).get(0).before());

        importDocument(slug, SessionizeDocument.conference().toMap()).statusCode(200);
        assertEquals(1, changes.of(kube).size(), "an unchanged import announces nothing");

        var edited = SessionizeDocument.conference();
        edited.session("s1").putAll(Map.of("startsAt", "2024-11-10T11:00:00", "endsAt", "2024-11-10T11:30:00"));
        edited.sessions.remove(edited.session("svc-coffee"));
        long version = importDocument(slug, edited.toMap()).statusCode(200).extract().jsonPath().getLong("scheduleVersion");

        var moved = changes.of(kube).get(1);
        assertEquals(version, moved.revision());
        assertEquals(OffsetDateTime.parse(at("09:00")), moved.before().startsAt());
        assertEquals(OffsetDateTime.parse(at("11:00")), moved.after().startsAt());
        assertEquals(SessionStatus.SCHEDULED, moved.after().status());
        var removed = changes.of(coffee).get(1);
        assertEquals(version, removed.revision());
        assertEquals(null, removed.after());
        assertEquals(1, changes.of(lightning).size(), "talks that did not move are not announced");
    }

    @Test
    void items_made_by_hand_are_never_touched_by_an_import() {
        String slug = newEvent("byhand");
        long hall = room(slug, "Main Hall", 300);
        long host = speaker(slug, "Olivia Host");
        long welcome = create(slug, talk("Welcome", hall, "08:30", "08:55", host)).getLong("id");
        // Taken by hand, so the imported talk for this slot cannot have the room.
        create(slug, talk("Sponsor pitch", hall, "10:00", "10:15"));
        JsonPath before = schedule(slug);

        importDocument(slug, SessionizeDocument.conference().toMap()).statusCode(200)
                .body("skipped.find { it.sourceId == 'l1' }.reason", containsString("Room already in use"));
        var smaller = SessionizeDocument.conference();
        smaller.rooms.removeIf(r -> r.get("id").equals(101));
        smaller.sessions.removeIf(s -> Integer.valueOf(101).equals(s.get("roomId")));
        importDocument(slug, smaller.toMap()).statusCode(200);

        JsonPath after = schedule(slug);
        assertEquals(before.getMap("rooms.find { it.name == 'Main Hall' }"), after.getMap("rooms.find { it.name == 'Main Hall' }"));
        assertEquals(session(before, "Welcome"), session(after, "Welcome"));
        assertEquals(session(before, "Sponsor pitch"), session(after, "Sponsor pitch"));
        assertEquals(before.getMap("speakers.find { it.name == 'Olivia Host' }"),
                after.getMap("speakers.find { it.name == 'Olivia Host' }"));
        assertEquals(welcome, ((Number) session(after, "Welcome").get("id")).longValue());
        assertEquals(1, after.getList("rooms.findAll { it.name == 'Main Hall' }").size());
    }

    @Test
    void a_malformed_document_is_rejected_whole_saying_where_and_what() {
        String slug = newEvent("malformed");
        var badTime = SessionizeDocument.conference();
        badTime.session("w1").put("startsAt", "tomorrow morning");
        importDocument(slug, badTime.toMap()).statusCode(422)
                .contentType("application/problem+json")
                .body("pointer", equalTo("/sessions/6/startsAt"))
                .body("detail", containsString("local date-time"))
                .body("violations[0].field", equalTo("/sessions/6/startsAt"));

        var unknownRoom = SessionizeDocument.conference();
        unknownRoom.session("s2").put("roomId", 999);
        importDocument(slug, unknownRoom.toMap()).statusCode(422)
                .body("pointer", equalTo("/sessions/1/roomId")).body("detail", containsString("no room 999"));

        var unknownSpeaker = SessionizeDocument.conference();
        unknownSpeaker.session("l3").put("speakers", List.of("sp-ada", "sp-nobody"));
        importDocument(slug, unknownSpeaker.toMap()).statusCode(422).body("pointer", equalTo("/sessions/5/speakers/1"));

        Api.organizer().body("{\"sessions\": [\n  {\"id\": 1,,}\n]}").post("/api/admin/events/" + slug + "/imports/sessionize")
                .then().statusCode(400).contentType("application/problem+json")
                .body("line", equalTo(2)).body("detail", containsString("line 2"));

        JsonPath schedule = schedule(slug);
        assertEquals(List.of(), schedule.getList("sessions"));
        assertEquals(List.of(), schedule.getList("rooms"));
        assertEquals(List.of(), schedule.getList("speakers"));
    }

    @Test
    void a_dry_run_flag_other_than_true_or_false_is_a_400_and_imports_nothing() {
        String slug = newEvent("dry-run-flag");
        for (String flag : List.of("yes", "1", "on")) {
            Api.organizer().queryParam("dryRun", flag).body(SessionizeDocument.conference().toMap())
                    .post("/api/admin/events/" + slug + "/imports/sessionize").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("dryRun: must be true or false"))
                    .body("violations[0].field", equalTo("dryRun"));
        }
        Api.organizer().queryParam("dryRun", "TRUE").body(SessionizeDocument.conference().toMap())
                .post("/api/admin/events/" + slug + "/imports/sessionize").then().statusCode(200)
                .body("dryRun", equalTo(true));

        JsonPath schedule = schedule(slug);
        assertEquals(List.of(), schedule.getList("sessions"));
        assertEquals(List.of(), schedule.getList("rooms"));
        assertEquals(List.of(), schedule.getList("speakers"));
    }

    static ValidatableResponse importDocument(String slug, Object document) {
        return Api.organizer().body(document).post("/api/admin/events/" + slug + "/imports/sessionize").then();
    }

    static JsonPath schedule(String slug) {
        return Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> session(JsonPath schedule, String title) {
        Map<String, Object> session = schedule.getMap("sessions.find { it.title == '" + title + "' }");
        if (session == null) {
            throw new AssertionError("No session \"" + title + "\" in " + schedule.getList("sessions.title"));
        }
        return session;
    }
}
