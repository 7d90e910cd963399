package io.hallway.audit;

import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.hallway.testing.Tokens;
import io.hallway.venue.VenueBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AuditLogTest {

    @Inject
    DataSource dataSource;

    @Test
    void every_write_to_rooms_tracks_and_speakers_records_who_what_and_the_versions() {
        String slug = newEvent("audit-rooms");
        long room = room(slug, "Theater", 100);
        put(slug, "/rooms/" + room, Map.of("name", "Big Theater", "version", 0));
        Api.organizer().body(Map.of("status", "full")).put(admin(slug) + "/rooms/" + room + "/status").then().statusCode(200);
        Api.organizer().delete(admin(slug) + "/rooms/" + room).then().statusCode(204);
        long track = track(slug, "Cloud");
        put(slug, "/tracks/" + track, Map.of("name", "Cloud native", "version", 0));
        Api.organizer().delete(admin(slug) + "/tracks/" + track).then().statusCode(204);
        long speaker = speaker(slug, "Kim");
        put(slug, "/speakers/" + speaker, Map.of("name", "Kim Lee", "version", 0));
        Api.organizer().delete(admin(slug) + "/speakers/" + speaker).then().statusCode(204);

        long event = new Db(dataSource).count("select id from event where slug = ?", slug);
        assertEquals(List.of(
                "create event " + event + " null..0",
                "create room " + room + " null..0", "update room " + room + " 0..1", "room-status room " + room + " 1..2",
                "delete room " + room + " 2..null",
                "create track " + track + " null..0", "update track " + track + " 0..1", "delete track " + track + " 1..null",
                "create speaker " + speaker + " null..0", "update speaker " + speaker + " 0..1",
                "delete speaker " + speaker + " 1..null"), summaries(slug));
        JsonPath newest = entries(slug, "");
        long olivia = new Db(dataSource).userId(Tokens.organizer());
        assertEquals(List.of(olivia), newest.getList("items.actor.userId", Long.class).stream().distinct().toList());
        assertEquals(List.of("Olivia"), newest.getList("items.actor.name", String.class).stream().distinct().toList());
        assertEquals(Map.of("status", "full"), newest.getMap("items.find { it.action == 'room-status' }.details"));
        assertTrue(newest.getString("items[0].at").endsWith("-07:00"), "times are in the event's zone: " + newest.getString("items[0].at"));
    }

    @Test
    void every_write_to_sessions_and_blocks_records_who_what_and_the_versions() {
        String slug = newEvent("audit-sessions");
        long theater = room(slug, "Theater", 100);
        var talk = talk("Opening", theater, "09:00", "09:30");
        long session = create(slug, talk).getLong("id");
        var changed = new HashMap<>(talk);
        changed.put("title", "Opening keynote");
        changed.put("version", 0);
        put(slug, "/sessions/" + session, changed);
        changed.put("status", "cancelled");
        changed.put("version", 1);
        put(slug, "/sessions/" + session, changed);
        Api.organizer().delete(admin(slug) + "/sessions/" + session).then().statusCode(204);
        long block = block(slug, "Lightning", theater, "10:00", "10:15");
        long first = lightningTalk(slug, block, "Spark");
        long second = lightningTalk(slug, block, "Flash");
        // Each talk added bumps the block's version (to 2); moving it re-lays its talks, a second bump
        Api.organizer().body(Map.of("talkIds", List.of(second, first), "version", 2))
                .put(admin(slug) + "/blocks/" + block + "/order").then().statusCode(200);
        put(slug, "/blocks/" + block, Map.of("title", "Lightning talks", "roomId", theater, "startsAt", at("11:00"),
                "endsAt", at("11:15"), "version", 3));
        Api.organizer().delete(admin(slug) + "/blocks/" + block).then().statusCode(204);

        List<String> all = summaries(slug);
        assertEquals(List.of(
                "create session " + session + " null..0", "update session " + session + " 0..1",
                "cancel session " + session + " 1..2", "delete session " + session + " 2..null",
                "create block " + block + " null..0", "create session " + first + " null..0",
                "create session " + second + " null..0", "update block " + block + " 2..3",
                "update block " + block + " 3..5", "delete block " + block + " 5..null"),
                all.subList(2, all.size()), "after the event and the room: " + all);
        JsonPath log = entries(slug, "?resource=block");
        assertEquals(Map.of("talksDeleted", 2), log.getMap("items[0].details"));
        assertEquals(List.of((int) second, (int) first), log.getList("items[2].details.talkIds"));
    }

    @Test
    void the_event_its_venue_settings_and_purges_are_recorded() {
        String slug = newEvent("audit-event");
        JsonPath event = Api.organizer().get(admin(slug)).then().statusCode(200).extract().jsonPath();
        put(slug, "", Map.of("slug", slug, "name", "Renamed", "timeZone", ZONE, "startDate", DAY, "endDate", DAY,
                "published", true, "version", event.getLong("version")));
        room(slug, "Theater", 100);
        room(slug, "Flex Space", 50);
        long venue = VenueBuilder.theaterAndFlexSpace().upload(slug);
        Api.organizer().body(Map.of("closed", true, "version", venue)).patch(admin(slug) + "/venue/edges/stairs")
                .then().statusCode(200);
        Api.organizer().body(Map.of("exchangeEnabled", false, "retentionDays", 0, "version", 0))
                .put(admin(slug) + "/settings").then().statusCode(200);
        Api.organizer().delete(admin(slug) + "/schedule/history").then().statusCode(204);
        Api.organizer().post(admin(slug) + "/people/purge").then().statusCode(200);

        List<String> all = summaries(slug);
        long eventId = new Db(dataSource).count("select id from event where slug = ?", slug);
        assertEquals("update event " + eventId + " 0..1", all.get(1));
        assertEquals(List.of("create venue null null.." + venue, "update venue null " + venue + ".." + (venue + 1),
                "update settings null 0..1", "purge history null null..null", "purge people null null..null"),
                all.subList(4, all.size()), all.toString());
        JsonPath log = entries(slug, "");
        assertEquals(Map.of("edgeId", "stairs", "closed", true), log.getMap("items.find { it.resource == 'venue' && it.action == 'update' }.details"));
        assertNotNull(log.get("items.find { it.resource == 'history' }.details.purgedThroughVersion"));
        assertEquals(0, log.getInt("items.find { it.resource == 'people' }.details.profiles"));
    }

    @Test
    void an_event_deletion_takes_its_log_with_it() {
        String slug = newEvent("audit-delete");
        room(slug, "Theater", 100);
        long event = new Db(dataSource).count("select id from event where slug = ?", slug);

        Api.organizer().delete(admin(slug)).then().statusCode(204);

        assertEquals(0, new Db(dataSource).count("select count(*) from audit_entry where event_id = ?", event));
    }

    @Test
    void an_import_records_one_entry_with_its_counts_and_a_dry_run_records_none() {
        String slug = newEvent("audit-import");
        Map<String, Object> document = Map.of("rooms", List.of(Map.of("id", 1, "name", "Main Hall", "sort", 0)),
                "categories", List.of(), "questions", List.of(),
                "speakers", List.of(Map.of("id", "sp-1", "firstName", "Ada", "lastName", "L", "fullName", "Ada L",
                        "links", List.of(), "sessions", List.of(), "categoryItems", List.of(), "questionAnswers", List.of())),
                "sessions", List.of(sessionizeTalk("s1", "One", "09:00", "09:30"), sessionizeTalk("s2", "Two", "09:30", "10:00")));
        long versionBefore = scheduleVersion(slug);

        Api.organizer().body(document).post(admin(slug) + "/imports/sessionize?dryRun=true").then().statusCode(200)
                .body("created", is(4));
        assertEquals(List.of("create event"), summaries(slug).stream().map(s -> s.substring(0, 12)).toList());

        Api.organizer().body(document).post(admin(slug) + "/imports/sessionize").then().statusCode(200)
                .body("created", is(4));

        List<String> all = summaries(slug);
        assertEquals(List.of("import schedule null " + versionBefore + ".." + (versionBefore + 1)), all.subList(1, all.size()));
        assertEquals(Map.of("source", "sessionize", "created", 4, "updated", 0, "unchanged", 0, "removed", 0, "skipped", 0),
                entries(slug, "").getMap("items[0].details"));
    }

    @Test
    void a_refused_write_leaves_no_entry() {
        String slug = newEvent("audit-refused");
        long theater = room(slug, "Theater", 100);
        create(slug, talk("Opening", theater, "09:00", "09:30"));
        List<String> before = summaries(slug);

        // The room is taken at that time: 409, after the schedule revision was opened
        Api.organizer().body(talk("Clash", theater, "09:15", "09:45")).post(admin(slug) + "/sessions").then().statusCode(409);
        // A stale version: 409
        Api.organizer().body(Map.of("name", "Old", "version", 7)).put(admin(slug) + "/rooms/" + theater).then().statusCode(409);
        // A room name already taken, refused after the change began
        Api.organizer().body(Map.of("name", "Theater")).post(admin(slug) + "/rooms").then().statusCode(409);
        // Stale exchange settings: 409
        Api.organizer().body(Map.of("exchangeEnabled", true, "retentionDays", 30, "version", 3))
                .put(admin(slug) + "/settings").then().statusCode(409);

        assertEquals(before, summaries(slug));
    }

    @Test
    void the_log_filters_by_person_resource_action_and_time_and_pages() {
        String slug = newEvent("audit-filter");
        long theater = room(slug, "Theater", 100);
        track(slug, "Cloud");
        create(slug, talk("Opening", theater, "09:00", "09:30"));
        long olivia = new Db(dataSource).userId(Tokens.organizer());

        assertEquals(List.of(theater), entries(slug, "?resource=room").getList("items.resourceId", Long.class));
        assertEquals(List.of("room"), entries(slug, "?resource=room").getList("items.resource"));
        assertEquals(List.of("event", "member", "room", "track", "session"), reversed(entries(slug, "?actor=" + olivia).getList("items.resource")));
        assertEquals(List.of(), entries(slug, "?actor=" + (olivia + 100_000)).getList("items"));
        assertEquals(5, entries(slug, "?action=create").getInt("totalItems"));
        String at = entries(slug, "").getString("items[0].at");
        assertEquals(List.of("session"), entries(slug, "?from=" + encoded(at)).getList("items.resource"));
        assertEquals(4, entries(slug, "?to=" + encoded(at)).getInt("totalItems"));
        assertEquals(0, entries(slug, "?from=2030-01-01T00:00:00Z").getInt("totalItems"));

        JsonPath page = entries(slug, "?size=3&page=1");
        assertEquals(List.of("member", "event"), page.getList("items.resource"));
        assertEquals(5, page.getInt("totalItems"));
        assertEquals(2, page.getInt("totalPages"));

        for (String field : List.of("actor", "resource", "action", "from", "to")) {
            Api.organizer().get(admin(slug) + "/audit?" + field + "=nonsense").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", is(field));
        }
    }

    @Test
    void a_time_range_that_ends_before_it_starts_is_a_400_naming_to() {
        String slug = newEvent("audit-range");
        for (String range : List.of("?from=2025-01-01T00:00:00Z&to=2024-01-01T00:00:00Z",
                "?from=2025-01-01T00:00:00Z&to=2025-01-01T00:00:00Z")) {
            Api.organizer().get(admin(slug) + "/audit" + range).then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", is("to"))
                    .body("detail", is("to: must be after from"));
        }
        assertEquals(2, entries(slug, "?from=2024-01-01T00:00:00Z&to=2099-01-01T00:00:00Z").getInt("totalItems"));
    }

    @Test
    void another_events_entries_never_show_and_people_outside_the_team_cannot_read_the_log() {
        String slug = newEvent("audit-mine");
        String other = newEvent("audit-other");
        room(other, "Elsewhere", 10);

        // Creating the event and joining its team as its owner, newest first.
        assertEquals(List.of("member", "event"), entries(slug, "").getList("items.resource"));
        Api.attendee().get(admin(slug) + "/audit").then().statusCode(404);
        Api.anonymous().get(admin(slug) + "/audit").then().statusCode(401);
        Api.organizer().get("/api/admin/events/no-such-event/audit").then().statusCode(404);
    }

    @Test
    void an_organizer_finds_their_entries_in_their_export_and_an_erasure_keeps_them_without_their_name() {
        String slug = newEvent("audit-erase");
        long theater = room(slug, "Theater", 100);

        Api.organizer().get("/api/events/" + slug + "/me/export").then().statusCode(200)
                .body("audit.resource", contains("event", "member", "room"))
                .body("audit[2].resourceId", is((int) theater))
                .body("audit[1].actor.name", is("Olivia"));

        Api.organizer().delete("/api/events/" + slug + "/me").then().statusCode(204);

        // Erasing took Olivia off the team too: the operator reads the log of the event, now without owners.
        JsonPath log = Api.admin().get(admin(slug) + "/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("room", "member", "event"), log.getList("items.resource"));
        assertEquals(List.of("erased"), log.getList("items.actor.name", String.class).stream().distinct().toList());
        assertEquals(Collections.singletonList(null), log.getList("items.actor.userId").stream().distinct().toList());
        // The entry about her joining the team named her by her user id: not any more.
        assertNull(log.get("items[1].resourceId"));
        Api.organizer().get("/api/events/" + slug + "/me/export").then().statusCode(200).body("$", not(hasKey("audit")));
    }

    private static Map<String, Object> sessionizeTalk(String id, String title, String from, String to) {
        Map<String, Object> session = new HashMap<>();
        session.put("id", id);
        session.put("title", title);
        session.put("startsAt", DAY + "T" + from + ":00");
        session.put("endsAt", DAY + "T" + to + ":00");
        session.put("isServiceSession", false);
        session.put("isPlenumSession", false);
        session.put("speakers", List.of("sp-1"));
        session.put("categoryItems", List.of());
        session.put("questionAnswers", List.of());
        session.put("roomId", 1);
        session.put("status", "Accepted");
        return session;
    }

    private static String admin(String slug) {
        return "/api/admin/events/" + slug;
    }

    private static void put(String slug, String path, Map<String, ?> body) {
        Api.organizer().body(body).put(admin(slug) + path).then().statusCode(200);
    }

    private static JsonPath entries(String slug, String query) {
        return Api.organizer().get(admin(slug) + "/audit" + query).then().statusCode(200).extract().jsonPath();
    }

    /** The event's entries, oldest first, as "action resource id before..after". */
    /** The log's entries of schedule and settings writes, oldest first; team entries are TeamAuditTest's. */
    private static List<String> summaries(String slug) {
        JsonPath log = entries(slug, "?size=200");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < log.getList("items").size(); i++) {
            String item = "items[" + i + "].";
            if (log.getString(item + "resource").equals("member")) {
                continue;
            }
            lines.add(log.getString(item + "action") + " " + log.getString(item + "resource") + " "
                    + log.getString(item + "resourceId") + " " + log.getString(item + "versionBefore") + ".."
                    + log.getString(item + "versionAfter"));
        }
        return reversed(lines);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static String encoded(String time) {
        return time.replace("+", "%2B");
    }
}
