package io.hallway.agenda;

import static io.hallway.testing.AgendaFixtures.*;
import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;

import java.time.OffsetDateTime;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AgendaConflictsTest {

    @Inject
    DataSource dataSource;

    @Test
    void the_agenda_lists_sessions_in_time_order_with_their_clashes_and_the_free_time_between_them() {
        String slug = newEvent("conflicts");
        long theater = room(slug, "Theater", 120);
        long flex = room(slug, "Flex Space", 40);
        long speaker = speaker(slug, "Grace");
        long late = create(slug, talk("Late one", theater, "11:30", "12:00")).getLong("id");
        long first = create(slug, session("keynote", "First", theater, "09:00", "10:00", speaker)).getLong("id");
        long clashing = create(slug, session("keynote", "Clashing", flex, "09:30", "10:30")).getLong("id");
        long next = create(slug, talk("Next door", flex, "10:45", "11:15")).getLong("id");
        long dropped = create(slug, talk("Dropped", flex, "11:30", "12:00")).getLong("id");
        for (long id : new long[] { late, first, clashing, next, dropped }) {
            bookmark(Api.attendee(), slug, id);
        }
        updateSession(slug, dropped, Map.of("status", "cancelled"));

        Api.attendee().get("/api/events/" + slug + "/agenda").then().statusCode(200)
                .body("timeZone", equalTo("America/Denver"))
                // Same times: the order stays stable (by id), so "Late one", created first, comes first.
                .body("items.title", contains("First", "Clashing", "Next door", "Late one", "Dropped"))
                .body("items[0].startsAt", equalTo(at("09:00")))
                .body("items[0].speakers", contains("Grace"))
                .body("items[0].room.name", equalTo("Theater"))
                .body("items[4].status", equalTo("cancelled"))
                // The cancelled session overlaps "Late one" but no longer clashes with anything.
                .body("conflicts", hasSize(1))
                .body("conflicts[0].first", equalTo("session-" + first))
                .body("conflicts[0].second", equalTo("session-" + clashing))
                .body("conflicts[0].overlapMinutes", equalTo(30))
                .body("gaps", hasSize(2))
                .body("gaps[0].after", equalTo("session-" + clashing))
                .body("gaps[0].before", equalTo("session-" + next))
                .body("gaps[0].freeMinutes", equalTo(15))
                .body("gaps[0].roomChange", equalTo(false))
                .body("gaps[1].after", equalTo("session-" + next))
                .body("gaps[1].before", equalTo("session-" + late))
                .body("gaps[1].freeMinutes", equalTo(15))
                .body("gaps[1].roomChange", equalTo(true));
    }

    @Test
    void a_session_inside_another_clashes_for_its_whole_length_and_back_to_back_sessions_do_not_clash() {
        String slug = newEvent("nested");
        long theater = room(slug, "Theater", 120);
        long flex = room(slug, "Flex Space", 40);
        long workshop = create(slug, session("workshop", "Workshop", flex, "09:00", "12:00")).getLong("id");
        long inside = create(slug, talk("Inside", theater, "10:00", "10:30")).getLong("id");
        long after = create(slug, talk("Right after", theater, "12:00", "12:30")).getLong("id");
        for (long id : new long[] { workshop, inside, after }) {
            bookmark(Api.attendee(), slug, id);
        }

        Api.attendee().get("/api/events/" + slug + "/agenda").then().statusCode(200)
                .body("conflicts", hasSize(1))
                .body("conflicts[0].first", equalTo("session-" + workshop))
                .body("conflicts[0].second", equalTo("session-" + inside))
                .body("conflicts[0].overlapMinutes", equalTo(30))
                .body("gaps", hasSize(1))
                .body("gaps[0].after", equalTo("session-" + workshop))
                .body("gaps[0].freeMinutes", equalTo(0))
                .body("gaps[0].roomChange", equalTo(true));
    }

    @Test
    void an_attendee_without_bookmarks_gets_an_empty_agenda() {
        String slug = newEvent("empty");
        Api.as(io.hallway.testing.Tokens.of("zoe")).get("/api/events/" + slug + "/agenda").then().statusCode(200)
                .body("items", empty()).body("conflicts", empty()).body("gaps", empty())
                .body("cursor", not(emptyOrNullString()));
    }

    @Test
    void a_session_another_replica_just_added_is_in_the_agenda_at_once() {
        String slug = newEvent("replica");
        long theater = room(slug, "Theater", 120);
        long mine = create(slug, talk("Known here", theater, "09:00", "09:30")).getLong("id");
        bookmark(Api.attendee(), slug, mine);
        Api.attendee().get("/api/events/" + slug + "/agenda").then().statusCode(200).body("items", hasSize(1));

        // Another replica adds a session and bumps the version; this replica's copy of the schedule is
        // still the one it checked a moment ago.
        Db db = new Db(dataSource);
        db.update("""
                with bumped as (update event set schedule_version = schedule_version + 1 where slug = ?
                                returning id, schedule_version)
                insert into session (guid, event_id, kind, title, room_id, starts_at, ends_at, revision)
                select gen_random_uuid(), id, 'talk', 'Added elsewhere', ?, ?, ?, schedule_version from bumped""",
                slug, theater, OffsetDateTime.parse(at("10:00")), OffsetDateTime.parse(at("10:30")));
        long added = db.count("select id from session where title = 'Added elsewhere' and room_id = ?", theater);
        bookmark(Api.attendee(), slug, added);

        Api.attendee().get("/api/events/" + slug + "/agenda").then().statusCode(200)
                .body("items.title", contains("Known here", "Added elsewhere"))
                .body("items[1].room.name", equalTo("Theater"))
                .body("gaps[0].freeMinutes", equalTo(30));
    }
}
