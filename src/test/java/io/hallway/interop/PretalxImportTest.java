package io.hallway.interop;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PretalxImportTest {

    /** One event of the real export, as the file has it. */
    record FileEvent(String guid, String title, String date, String room, int minutes) {
    }

    @Test
    void the_real_pretalx_export_is_imported_with_its_rooms_speakers_and_times() throws Exception {
        String document = InteropFiles.read("pretalx-democon.schedule.json");
        List<FileEvent> events = events(document);
        Set<String> rooms = new HashSet<>(events.stream().map(FileEvent::room).toList());
        String slug = democon("democon");

        JsonPath report = importDocument(slug, document, false).then().statusCode(200)
                .body("source", equalTo("pretalx")).body("dryRun", equalTo(false))
                .extract().jsonPath();

        assertEquals(speakerCodes(document).size() + rooms.size() + tracks(document).size()
                + events.size() - report.getInt("skippedCount"), report.getInt("created"));
        // DemoCon double-books Stephanie Hudson on day 3; the import keeps the rule and says why it left one out.
        List<Map<String, String>> skipped = report.getList("skipped");
        assertFalse(skipped.isEmpty());
        skipped.forEach(s -> {
            assertEquals("session", s.get("kind"));
            assertThat(s.get("reason"), containsString("already speaks"));
        });

        JsonPath schedule = Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(200)
                .extract().jsonPath();
        Map<Long, String> roomNames = new HashMap<>();
        schedule.getList("rooms", Map.class).forEach(r -> roomNames.put(((Number) r.get("id")).longValue(), (String) r.get("name")));
        assertEquals(rooms, new HashSet<>(roomNames.values()));
        assertEquals(speakerCodes(document).size(), schedule.getList("speakers").size());
        List<Map<String, Object>> sessions = schedule.getList("sessions");
        assertEquals(events.size() - skipped.size(), sessions.size());
        for (FileEvent event : events) {
            var imported = sessions.stream().filter(s -> s.get("title").equals(event.title())).findFirst();
            if (skipped.stream().anyMatch(s -> s.get("sourceId").equals(event.guid()))) {
                assertTrue(imported.isEmpty(), event.title());
                continue;
            }
            Map<String, Object> session = imported.orElseThrow(() -> new AssertionError("missing " + event.title()));
            assertEquals(event.date(), session.get("startsAt"), event.title());
            assertEquals(event.minutes(), ((Number) session.get("durationMinutes")).intValue(), event.title());
            assertEquals(event.room(), roomNames.get(((Number) session.get("roomId")).longValue()), event.title());
        }
    }

    @Test
    void importing_the_same_export_again_changes_nothing_and_keeps_the_schedule_version() {
        String document = InteropFiles.read("pretalx-democon.schedule.json");
        String slug = democon("again");
        JsonPath first = importDocument(slug, document, false).then().statusCode(200).extract().jsonPath();
        String etag = Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(200).extract().header("ETag");

        importDocument(slug, document, false).then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("removed", equalTo(0))
                .body("unchanged", equalTo(first.getInt("created")))
                .body("changes", empty())
                .body("scheduleVersion", equalTo(first.getInt("scheduleVersion")));
        Api.anonymous().header("If-None-Match", etag).get("/api/events/" + slug + "/schedule").then().statusCode(304);
    }

    @Test
    void a_dry_run_reports_the_plan_and_stores_nothing() {
        String document = InteropFiles.read("pretalx-democon.schedule.json");
        String slug = democon("dry");
        long version = io.hallway.testing.ScheduleFixtures.scheduleVersion(slug);

        importDocument(slug, document, true).then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("created", greaterThan(0))
                .body("changes.findAll { it.kind == 'session' }.action", everyItem(equalTo("created")))
                .body("skipped.reason", everyItem(containsString("already speaks")))
                .body("scheduleVersion", equalTo((int) version));

        Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(200)
                .body("scheduleVersion", equalTo((int) version))
                .body("sessions", empty()).body("rooms", empty()).body("speakers", empty()).body("tracks", empty());
    }

    @Test
    void a_block_move_the_rules_refuse_leaves_the_block_and_its_talks_where_they_were() {
        String slug = democon("block-refused");
        // Xavier gives the lightning talk at 10:00 and a talk in room B at 11:00.
        importDocument(slug, lightningDocument(
                lightning("A", "11111111-1111-1111-1111-111111111111", "Zap", "10:00", "XX"),
                talk("B", "22222222-2222-2222-2222-222222222222", "Long talk", "11:00", "00:30", "XX")), false)
                .then().statusCode(200).body("skippedCount", equalTo(0));
        JsonPath before = draft(slug);
        String etag = Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(200).extract().header("ETag");

        // At the source the lightning block moves onto Xavier's other talk: the rules refuse the move.
        importDocument(slug, lightningDocument(
                lightning("A", "11111111-1111-1111-1111-111111111111", "Zap", "11:00", "XX"),
                talk("B", "22222222-2222-2222-2222-222222222222", "Long talk", "11:00", "00:30", "XX")), false)
                .then().statusCode(200)
                .body("skipped.kind", hasItem("block")).body("skipped.reason", hasItem(containsString("already speaks")))
                .body("changes", empty());

        JsonPath after = draft(slug);
        assertEquals(before.getList("blocks"), after.getList("blocks"), "the refused block moved in the tables");
        assertEquals(before.getList("sessions"), after.getList("sessions"), "the refused block's talks moved in the tables");
        Api.anonymous().header("If-None-Match", etag).get("/api/events/" + slug + "/schedule").then().statusCode(304);
    }

    @Test
    void a_talk_whose_move_to_another_block_the_rules_refuse_stays_in_its_block() {
        String slug = democon("talk-refused");
        importDocument(slug, lightningDocument(
                lightning("A", "11111111-1111-1111-1111-111111111111", "Zap", "10:00", "XX"),
                lightning("B", "33333333-3333-3333-3333-333333333333", "Other", "10:00", "YY"),
                talk("C", "22222222-2222-2222-2222-222222222222", "Long talk", "10:05", "00:30", "XX")), false)
                .then().statusCode(200).body("skippedCount", equalTo(0));
        JsonPath before = draft(slug);

        // At the source Zap joins the block in room B, right when Xavier speaks in room C.
        importDocument(slug, lightningDocument(
                lightning("B", "33333333-3333-3333-3333-333333333333", "Other", "10:00", "YY"),
                lightning("B", "11111111-1111-1111-1111-111111111111", "Zap", "10:05", "XX"),
                talk("C", "22222222-2222-2222-2222-222222222222", "Long talk", "10:05", "00:30", "XX")), false)
                .then().statusCode(200)
                .body("skipped.name", hasItem("Zap")).body("skipped.reason", hasItem(containsString("already speaks")));

        JsonPath after = draft(slug);
        assertEquals(session(before, "Zap"), session(after, "Zap"), "the refused talk moved in the tables");
        Map<String, Object> zap = session(after, "Zap");
        List<Map<String, Object>> blocks = after.getList("blocks");
        assertEquals(1, blocks.stream().filter(b -> ((List<?>) b.get("talkIds")).contains(zap.get("id"))).count(),
                "the refused talk is in one block: " + blocks);
    }

    private static JsonPath draft(String slug) {
        return Api.organizer().get("/api/admin/events/" + slug + "/schedule/draft").then().statusCode(200)
                .extract().jsonPath();
    }

    private static Map<String, Object> session(JsonPath schedule, String title) {
        List<Map<String, Object>> sessions = schedule.getList("sessions");
        return sessions.stream().filter(s -> s.get("title").equals(title)).findFirst().orElseThrow();
    }

    /** A one-day pretalx document for DemoCon's first day, in rooms A, B and C. */
    private static String lightningDocument(String... roomItems) {
        Map<String, List<String>> byRoom = new java.util.TreeMap<>();
        for (String item : roomItems) {
            String[] roomAndItem = item.split("\\|", 2);
            byRoom.computeIfAbsent(roomAndItem[0], r -> new java.util.ArrayList<>()).add(roomAndItem[1]);
        }
        String rooms = byRoom.entrySet().stream().map(e -> "\"" + e.getKey() + "\": [" + String.join(", ", e.getValue()) + "]")
                .collect(java.util.stream.Collectors.joining(", "));
        return """
                {"schedule": {"version": "1", "conference": {"acronym": "democon", "title": "DemoCon",
                  "rooms": [{"name": "A"}, {"name": "B"}, {"name": "C"}],
                  "days": [{"index": 1, "date": "2020-12-14", "rooms": {%s}}]}}}
                """.formatted(rooms);
    }

    private static String lightning(String room, String guid, String title, String at, String speaker) {
        return talk(room, guid, title, at, "00:05", speaker).replace("\"Talk\"", "\"Lightning Talk\"");
    }

    private static String talk(String room, String guid, String title, String at, String duration, String speaker) {
        return room + "|" + """
                {"guid": "%s", "title": "%s", "type": "Talk", "date": "2020-12-14T%s:00+01:00", "duration": "%s",
                 "persons": [{"code": "%s", "name": "Speaker %s"}]}""".formatted(guid, title, at, duration, speaker, speaker);
    }

    /** DemoCon runs 14 to 16 December 2020; its times carry +01:00, so the event is in Berlin time. */
    static String democon(String prefix) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.organizer().body(Map.of("slug", slug, "name", "DemoCon", "timeZone", "Europe/Berlin",
                "startDate", "2020-12-14", "endDate", "2020-12-16", "published", true))
                .post("/api/admin/events").then().statusCode(201);
        return slug;
    }

    static io.restassured.response.Response importDocument(String slug, String document, boolean dryRun) {
        return Api.organizer().queryParam("dryRun", dryRun).body(document)
                .post("/api/admin/events/" + slug + "/imports/pretalx");
    }

    static List<FileEvent> events(String document) throws Exception {
        JsonNode days = new ObjectMapper().readTree(document).at("/schedule/conference/days");
        List<FileEvent> events = new java.util.ArrayList<>();
        for (JsonNode day : days) {
            day.get("rooms").fields().forEachRemaining(room -> room.getValue().forEach(e -> {
                String[] duration = e.get("duration").asText().split(":");
                events.add(new FileEvent(e.get("guid").asText(), e.get("title").asText(), e.get("date").asText(),
                        room.getKey(), Integer.parseInt(duration[0]) * 60 + Integer.parseInt(duration[1])));
            }));
        }
        return events;
    }

    private static Set<String> speakerCodes(String document) throws Exception {
        Set<String> codes = new HashSet<>();
        new ObjectMapper().readTree(document).findValues("persons")
                .forEach(persons -> persons.forEach(p -> codes.add(p.get("code").asText())));
        return codes;
    }

    private static Set<String> tracks(String document) throws Exception {
        Set<String> tracks = new HashSet<>();
        new ObjectMapper().readTree(document).findValues("track").forEach(t -> tracks.add(t.asText()));
        return tracks;
    }
}
