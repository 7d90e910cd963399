package io.hallway.schedule;

import static io.hallway.testing.AgendaFixtures.*;
import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.schedule.ScheduleCursors;
import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ScheduleDeltaTest {

    @Inject
    DataSource dataSource;

    @Inject
    ScheduleCursors cursors;

    Db db;

    @BeforeEach
    void connect() {
        db = new Db(dataSource);
    }

    private static final List<String> KINDS = List.of("rooms", "tracks", "speakers", "sessions", "blocks");

    @Test
    void applying_the_changes_to_an_old_snapshot_gives_exactly_the_new_snapshot() {
        String slug = newEvent("delta");
        long theater = room(slug, "Theater", 120);
        long flex = room(slug, "Flex Space", 40);
        long spare = room(slug, "Spare", 10);
        long grace = speaker(slug, "Grace");
        long linus = speaker(slug, "Linus");
        long moved = create(slug, talk("Moves", theater, "09:00", "09:30", grace)).getLong("id");
        long doomed = create(slug, talk("Doomed", flex, "09:00", "09:30", linus)).getLong("id");
        create(slug, talk("Untouched", theater, "10:00", "10:30"));
        long block = block(slug, "Lightning", flex, "13:00", "13:30");
        long spark = lightningTalk(slug, block, "Spark", linus);
        long ember = lightningTalk(slug, block, "Ember");
        JsonPath before = snapshot(slug);

        updateSession(slug, moved, Map.of("roomId", flex, "startsAt", at("11:00"), "endsAt", at("11:30")));
        deleteSession(slug, doomed);
        renameSpeaker(slug, grace, "Grace H.");
        track(slug, "Cloud");
        create(slug, talk("Newcomer", theater, "14:00", "14:30", linus));
        Api.organizer().delete("/api/admin/events/" + slug + "/rooms/" + spare).then().statusCode(204);
        Api.organizer().body(Map.of("status", "full")).put("/api/admin/events/" + slug + "/rooms/" + theater + "/status")
                .then().statusCode(200);
        deleteSession(slug, spark);
        lightningTalk(slug, block, "Late spark");
        JsonPath after = snapshot(slug);

        JsonPath delta = Api.anonymous().queryParam("since", before.getString("cursor"))
                .get("/api/events/" + slug + "/schedule/changes").then().statusCode(200)
                .body("fromVersion", equalTo(before.getInt("scheduleVersion")))
                .body("scheduleVersion", equalTo(after.getInt("scheduleVersion")))
                .body("cursor", equalTo(after.getString("cursor")))
                .body("sessions.title", not(hasItem("Untouched")))
                .body("deleted", hasItems(Map.of("kind", "session", "id", (int) doomed),
                        Map.of("kind", "room", "id", (int) spare), Map.of("kind", "session", "id", (int) spark)))
                .extract().jsonPath();

        for (String kind : KINDS) {
            assertEquals(after.getList(kind), apply(before.getList(kind), delta, kind), kind);
        }
        assertEquals(after.getMap("event"), delta.getMap("event"));
        assertEquals(List.of("Ember", "Late spark"), after.getList("sessions.findAll { it.blockId != null }.title"));
        assertEquals(ember, after.getLong("blocks[0].talkIds[0]"));
    }

    @Test
    void an_up_to_date_cursor_gets_no_changes() {
        String slug = newEvent("delta-none");
        long theater = room(slug, "Theater", 120);
        create(slug, talk("Only", theater, "09:00", "09:30"));
        String cursor = cursor(slug);

        Api.anonymous().queryParam("since", cursor).get("/api/events/" + slug + "/schedule/changes").then()
                .statusCode(200).body("cursor", equalTo(cursor)).body("sessions", empty()).body("rooms", empty())
                .body("speakers", empty()).body("blocks", empty()).body("tracks", empty()).body("deleted", empty());
    }

    @Test
    void a_change_after_a_delta_was_answered_shows_up_in_the_next_delta_from_the_same_cursor() {
        String slug = newEvent("delta-again");
        long theater = room(slug, "Theater", 120);
        String old = cursor(slug);
        create(slug, talk("First", theater, "09:00", "09:30"));
        String path = "/api/events/" + slug + "/schedule/changes";
        Api.anonymous().queryParam("since", old).get(path).then().statusCode(200).body("sessions.title", contains("First"));
        Api.anonymous().queryParam("since", old).get(path).then().statusCode(200).body("sessions.title", contains("First"));

        create(slug, talk("Second", theater, "10:00", "10:30"));

        Api.anonymous().queryParam("since", old).get(path).then().statusCode(200)
                .body("sessions.title", contains("First", "Second")).body("cursor", equalTo(cursor(slug)));
    }

    @Test
    void a_cursor_of_a_version_this_replica_has_not_read_yet_is_answered() {
        String slug = newEvent("delta-ahead");
        room(slug, "Theater", 120);
        cursor(slug);
        long eventId = db.count("select id from event where slug = ?", slug);
        // What another replica's organizer change leaves in the database, unseen by this replica so far.
        db.update("update event set schedule_version = schedule_version + 1 where id = ?", eventId);
        String ahead = cursors.encode(eventId, db.count("select schedule_version from event where id = ?", eventId));

        Api.anonymous().queryParam("since", ahead).get("/api/events/" + slug + "/schedule/changes").then()
                .statusCode(200).body("cursor", equalTo(ahead)).body("sessions", empty());
    }

    @Test
    void a_cursor_from_before_a_purge_is_told_to_fetch_the_full_snapshot() {
        String slug = newEvent("delta-old");
        long theater = room(slug, "Theater", 120);
        long talk = create(slug, talk("Short-lived", theater, "09:00", "09:30")).getLong("id");
        String old = cursor(slug);
        deleteSession(slug, talk);
        String current = cursor(slug);

        Api.anonymous().get("/api/events/" + slug + "/schedule/changes").then().statusCode(400);
        Api.otherAttendee().delete("/api/admin/events/" + slug + "/schedule/history").then().statusCode(404);
        Api.organizer().delete("/api/admin/events/" + slug + "/schedule/history").then().statusCode(204);

        Api.anonymous().queryParam("since", old).get("/api/events/" + slug + "/schedule/changes").then()
                .statusCode(410).contentType("application/problem+json")
                .body("title", equalTo("Cursor too old"))
                .body("snapshot", equalTo("/api/events/" + slug + "/schedule"));
        Api.attendee().queryParam("since", old).get("/api/events/" + slug + "/agenda/changes").then().statusCode(410);
        Api.anonymous().queryParam("since", current).get("/api/events/" + slug + "/schedule/changes").then()
                .statusCode(200).body("deleted", empty());
    }

    @Inject
    ScheduleSnapshots snapshots;

    @Test
    void a_replica_that_has_not_seen_the_switch_to_manual_mode_serves_no_draft_in_a_delta() {
        String slug = newEvent("delta-manual");
        long theater = room(slug, "Theater", 120);
        long talk = create(slug, talk("Public title", theater, "09:00", "09:30")).getLong("id");
        String behind = cursor(slug);
        create(slug, talk("Second", theater, "10:00", "10:30"));
        String published = Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(200)
                .extract().asString();
        long remembered = snapshots.recentVersion(slug).orElseThrow().scheduleVersion();

        // What another replica leaves in the database, unseen by this replica so far (it remembers the version it
        // read above): the switch to manual mode, which releases the schedule as it is, then a draft edit.
        db.update("""
                with switched as (
                    update event set release_mode = 'manual', released_version = schedule_version,
                        schedule_version = schedule_version + 1
                    where slug = ? returning id, released_version, schedule_version),
                released as (
                    insert into schedule_release (event_id, name, schedule_version, snapshot, added, moved, cancelled, removed)
                    select id, 'initial', released_version, ?, 2, 0, 0, 0 from switched)
                update session set title = 'Secret draft title', revision = (select schedule_version from switched)
                where id = ?""", slug, published, talk);

        String delta = Api.anonymous().queryParam("since", behind).get("/api/events/" + slug + "/schedule/changes")
                .then().extract().asString();
        assertEquals(remembered, snapshots.recentVersion(slug).orElseThrow().scheduleVersion(),
                "this replica read the version again: the request came too late to play a replica that has not");
        assertFalse(delta.contains("Secret draft title"), "the public delta feed served an unreleased draft: " + delta);
        // As on a replica that has seen the switch: no release at the cursor's version, so fetch the snapshot.
        Api.anonymous().queryParam("since", behind).get("/api/events/" + slug + "/schedule/changes").then()
                .statusCode(410).body("snapshot", equalTo("/api/events/" + slug + "/schedule"));
    }

    @Test
    void a_malformed_or_foreign_cursor_is_a_bad_request() {
        String slug = newEvent("delta-bad");
        String other = cursor(newEvent("delta-other"));

        for (String cursor : List.of("garbage", other, "c3YxOjE6OTk5OTk")) {
            Api.anonymous().queryParam("since", cursor).get("/api/events/" + slug + "/schedule/changes").then()
                    .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("since"));
        }
    }

    private static JsonPath snapshot(String slug) {
        return Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(200).extract().jsonPath();
    }

    /** What an app does with a delta: replace or add changed rows by id, drop tombstoned ones, keep the order. */
    private static List<Map<String, Object>> apply(List<Map<String, Object>> old, JsonPath delta, String kind) {
        Map<Object, Map<String, Object>> byId = new LinkedHashMap<>();
        old.forEach(row -> byId.put(row.get("id"), row));
        List<Map<String, Object>> changed = delta.getList(kind);
        changed.forEach(row -> byId.put(row.get("id"), row));
        String tombstoneKind = kind.equals("sessions") ? "session" : kind.substring(0, kind.length() - 1);
        List<Map<String, Object>> deleted = delta.getList("deleted");
        deleted.stream().filter(t -> t.get("kind").equals(tombstoneKind)).forEach(t -> byId.remove(t.get("id")));
        List<Map<String, Object>> rows = new ArrayList<>(byId.values());
        rows.sort(order(kind));
        return rows;
    }

    private static Comparator<Map<String, Object>> order(String kind) {
        Comparator<Map<String, Object>> byId = Comparator.comparing(r -> ((Number) r.get("id")).longValue());
        return switch (kind) {
            case "rooms" -> Comparator.<Map<String, Object>, Integer> comparing(r -> (Integer) r.get("position"))
                    .thenComparing(r -> (String) r.get("name"));
            case "tracks" -> Comparator.comparing(r -> (String) r.get("name"));
            case "speakers" -> Comparator.<Map<String, Object>, String> comparing(r -> (String) r.get("name")).thenComparing(byId);
            default -> Comparator.<Map<String, Object>, OffsetDateTime> comparing(r -> OffsetDateTime.parse((String) r.get("startsAt")))
                    .thenComparing(byId);
        };
    }
}
