package io.hallway.agenda;

import static io.hallway.testing.AgendaFixtures.*;
import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MyChangesTest {

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @Test
    void purging_the_schedule_history_forgets_my_change_feed_up_to_then() {
        String slug = newEvent("mine-purge");
        long talk = create(slug, talk("Moved", room(slug, "Theater", 120), "09:00", "09:30")).getLong("id");
        bookmark(Api.attendee(), slug, talk);
        updateSession(slug, talk, Map.of("startsAt", at("10:00"), "endsAt", at("10:30")));
        var db = new io.hallway.testing.Db(dataSource);
        String changesOfEvent = "select count(*) from agenda_change c join event e on e.id = c.event_id where e.slug = ?";
        org.junit.jupiter.api.Assertions.assertEquals(1L, db.count(changesOfEvent, slug));

        Api.organizer().delete("/api/admin/events/" + slug + "/schedule/history").then().statusCode(204);

        org.junit.jupiter.api.Assertions.assertEquals(0L, db.count(changesOfEvent, slug));
    }

    @Test
    void each_kind_of_change_to_my_sessions_says_what_it_was_before_and_after() {
        String slug = newEvent("mine");
        long theater = room(slug, "Theater", 120);
        long flex = room(slug, "Flex Space", 40);
        long grace = speaker(slug, "Grace");
        long linus = speaker(slug, "Linus");
        long moving = create(slug, talk("Moving", theater, "14:00", "14:30", grace)).getLong("id");
        long cancelled = create(slug, talk("Called off", theater, "15:00", "15:30")).getLong("id");
        long recast = create(slug, talk("Recast", theater, "16:00", "16:30", grace)).getLong("id");
        long deleted = create(slug, talk("Deleted", flex, "09:00", "09:30")).getLong("id");
        long notMine = create(slug, talk("Not mine", flex, "10:00", "10:30")).getLong("id");
        for (long id : new long[] { moving, cancelled, recast, deleted }) {
            bookmark(Api.attendee(), slug, id);
        }
        bookmark(Api.otherAttendee(), slug, notMine);
        String since = cursor(slug);

        updateSession(slug, moving, Map.of("roomId", flex, "startsAt", at("14:30"), "endsAt", at("15:00")));
        updateSession(slug, cancelled, Map.of("status", "cancelled"));
        updateSession(slug, recast, Map.of("speakerIds", List.of(linus)));
        updateSession(slug, recast, Map.of("abstract", "Only the abstract changed: nothing to tell anyone."));
        deleteSession(slug, deleted);
        updateSession(slug, notMine, Map.of("startsAt", at("11:00"), "endsAt", at("11:30")));
        String now = cursor(slug);
        // Its bookmark goes with it, once the change log has told its owner.
        assertEquals(0, new Db(Arc.container().instance(DataSource.class).get())
                .count("select count(*) from bookmark where session_id = ?", deleted));

        Api.attendee().queryParam("since", since).get("/api/events/" + slug + "/agenda/changes").then().statusCode(200)
                .body("cursor", equalTo(now))
                .body("changes.sessionId", contains((int) moving, (int) cancelled, (int) recast, (int) deleted))
                .body("changes[0].changes", contains("time", "room"))
                .body("changes[0].before.startsAt", equalTo(at("14:00")))
                .body("changes[0].before.roomName", equalTo("Theater"))
                .body("changes[0].after.startsAt", equalTo(at("14:30")))
                .body("changes[0].after.roomName", equalTo("Flex Space"))
                .body("changes[1].changes", contains("cancelled"))
                .body("changes[1].before.status", equalTo("scheduled"))
                .body("changes[1].after.status", equalTo("cancelled"))
                .body("changes[2].changes", contains("speakers"))
                .body("changes[2].before.speakers", contains("Grace"))
                .body("changes[2].after.speakers", contains("Linus"))
                .body("changes[3].changes", contains("deleted"))
                .body("changes[3].before.title", equalTo("Deleted"))
                .body("changes[3].after", nullValue());

        Api.otherAttendee().queryParam("since", since).get("/api/events/" + slug + "/agenda/changes").then()
                .statusCode(200).body("changes.sessionId", contains((int) notMine));
        Api.attendee().queryParam("since", now).get("/api/events/" + slug + "/agenda/changes").then()
                .statusCode(200).body("changes", empty());
    }

    @Test
    void reinstating_a_session_and_moving_a_bookmarked_block_reach_me_too() {
        String slug = newEvent("mine-block");
        long theater = room(slug, "Theater", 120);
        long talk = create(slug, talk("Back on", theater, "09:00", "09:30")).getLong("id");
        long block = block(slug, "Lightning", theater, "13:00", "13:10");
        long spark = lightningTalk(slug, block, "Spark");
        bookmark(Api.attendee(), slug, talk);
        Api.attendee().put("/api/events/" + slug + "/agenda/blocks/" + block).then().statusCode(204);
        updateSession(slug, talk, Map.of("status", "cancelled"));
        String since = cursor(slug);

        updateSession(slug, talk, Map.of("status", "scheduled"));
        long version = Api.organizer().get("/api/admin/events/" + slug + "/blocks/" + block).then().extract().jsonPath()
                .getLong("version");
        Api.organizer().body(Map.of("title", "Lightning", "roomId", theater, "startsAt", at("15:00"), "endsAt", at("15:10"),
                "version", version)).put("/api/admin/events/" + slug + "/blocks/" + block).then().statusCode(200);

        Api.attendee().queryParam("since", since).get("/api/events/" + slug + "/agenda/changes").then().statusCode(200)
                .body("changes.sessionId", contains((int) talk, (int) spark))
                .body("changes[0].changes", contains("reinstated"))
                .body("changes[1].changes", contains("time"))
                .body("changes[1].after.startsAt", equalTo(at("15:00")));
    }
}
