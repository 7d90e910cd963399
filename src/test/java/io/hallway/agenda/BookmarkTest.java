package io.hallway.agenda;

import io.hallway.testing.AgendaFixtures;
import static io.hallway.testing.ScheduleFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BookmarkTest {

    @Inject
    EntityManager entityManager;

    @Inject
    BookmarkStore bookmarks;

    @Test
    void bookmarking_twice_keeps_one_bookmark_and_removing_twice_is_fine() {
        String slug = newEvent("bm");
        long theater = room(slug, "Theater", 120);
        long talk = create(slug, talk("Opening", theater, "09:00", "09:30")).getLong("id");
        String path = "/api/events/" + slug + "/agenda/sessions/" + talk;

        Api.attendee().put(path).then().statusCode(204);
        Api.attendee().put(path).then().statusCode(204);
        Api.attendee().get("/api/events/" + slug + "/agenda").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo((int) talk))
                .body("items[0].room.name", equalTo("Theater"));
        assertEquals(1L, rows(talk));

        Api.attendee().delete(path).then().statusCode(204);
        Api.attendee().delete(path).then().statusCode(204);
        Api.attendee().get("/api/events/" + slug + "/agenda").then().statusCode(200).body("items", empty());
        assertEquals(0L, rows(talk));
    }

    @Test
    void concurrent_bookmarks_of_the_same_session_leave_one_row_and_no_errors() throws Exception {
        String slug = newEvent("bm-race");
        long theater = room(slug, "Theater", 120);
        long talk = create(slug, talk("Popular", theater, "10:00", "10:30")).getLong("id");
        String path = "/api/events/" + slug + "/agenda/sessions/" + talk;
        // A person new to the service: their first requests also race to create their user row.
        String token = Tokens.of("zoe");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> Api.as(token).put(path).statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertEquals(204, status.get());
            }
            assertEquals(1L, rows(talk));

            calls.clear();
            for (int i = 0; i < 16; i++) {
                calls.add(i % 2 == 0 ? () -> Api.as(token).delete(path).statusCode() : () -> Api.as(token).put(path).statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertEquals(204, status.get());
            }
            assertTrue(rows(talk) <= 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_cancelled_or_unknown_session_cannot_be_bookmarked() {
        String slug = newEvent("bm-bad");
        long theater = room(slug, "Theater", 120);
        var cancelled = talk("Gone", theater, "11:00", "11:30");
        cancelled.put("status", "cancelled");
        long gone = create(slug, cancelled).getLong("id");

        Api.attendee().put("/api/events/" + slug + "/agenda/sessions/" + gone).then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("Session cancelled"))
                .body("detail", containsString("Gone"));
        Api.attendee().put("/api/events/" + slug + "/agenda/sessions/999999999").then().statusCode(404)
                .contentType("application/problem+json");
        Api.attendee().put("/api/events/" + slug + "/agenda/blocks/999999999").then().statusCode(404);
        Api.attendee().put("/api/events/no-such-event/agenda/sessions/" + gone).then().statusCode(404);
    }

    @Test
    void a_session_of_another_event_is_not_found() {
        String mine = newEvent("bm-a");
        String other = newEvent("bm-b");
        long room = room(other, "Hall", null);
        long talk = create(other, talk("Elsewhere", room, "09:00", "09:30")).getLong("id");

        Api.attendee().put("/api/events/" + mine + "/agenda/sessions/" + talk).then().statusCode(404);
    }

    @Test
    void attendees_never_see_each_others_bookmarks() {
        String slug = newEvent("bm-iso");
        long theater = room(slug, "Theater", 120);
        long adas = create(slug, talk("Ada's pick", theater, "09:00", "09:30")).getLong("id");
        long brunos = create(slug, talk("Bruno's pick", theater, "10:00", "10:30")).getLong("id");
        Api.attendee().put("/api/events/" + slug + "/agenda/sessions/" + adas).then().statusCode(204);
        Api.otherAttendee().put("/api/events/" + slug + "/agenda/sessions/" + brunos).then().statusCode(204);

        Api.attendee().get("/api/events/" + slug + "/agenda").then().statusCode(200)
                .body("items.title", contains("Ada's pick"));
        Api.otherAttendee().get("/api/events/" + slug + "/agenda").then().statusCode(200)
                .body("items.title", contains("Bruno's pick"));

        // Removing someone else's bookmarked session from my agenda leaves theirs alone.
        Api.otherAttendee().delete("/api/events/" + slug + "/agenda/sessions/" + adas).then().statusCode(204);
        Api.attendee().get("/api/events/" + slug + "/agenda").then().body("items.title", contains("Ada's pick"));
    }

    @Test
    void a_lightning_block_is_bookmarked_whole_or_talk_by_talk() {
        String slug = newEvent("bm-block");
        long flex = room(slug, "Flex Space", 40);
        long block = block(slug, "Lightning talks", flex, "13:00", "13:30");
        long first = lightningTalk(slug, block, "First spark");
        long second = lightningTalk(slug, block, "Second spark");

        Api.attendee().put("/api/events/" + slug + "/agenda/blocks/" + block).then().statusCode(204);
        Api.attendee().put("/api/events/" + slug + "/agenda/blocks/" + block).then().statusCode(204);
        Api.otherAttendee().put("/api/events/" + slug + "/agenda/sessions/" + second).then().statusCode(204);

        Api.attendee().get("/api/events/" + slug + "/agenda").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].type", equalTo("block"))
                .body("items[0].itemId", equalTo("block-" + block))
                .body("items[0].talks.id", contains((int) first, (int) second))
                .body("items[0].talks[1].startsAt", equalTo(at("13:05")))
                .body("conflicts", empty());
        Api.otherAttendee().get("/api/events/" + slug + "/agenda").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].type", equalTo("session"))
                .body("items[0].blockId", equalTo((int) block)).body("items[0].startsAt", equalTo(at("13:05")));

        Api.attendee().delete("/api/events/" + slug + "/agenda/blocks/" + block).then().statusCode(204);
        Api.attendee().get("/api/events/" + slug + "/agenda").then().body("items", empty());
    }

    @Test
    void other_features_see_my_bookmarks_with_block_bookmarks_standing_for_their_talks() {
        String slug = newEvent("bm-lookup");
        long theater = room(slug, "Theater", 120);
        long morning = create(slug, talk("Morning", theater, "09:00", "09:30")).getLong("id");
        long dropped = create(slug, talk("Dropped", theater, "10:00", "10:30")).getLong("id");
        long block = block(slug, "Lightning", theater, "13:00", "13:10");
        long spark = lightningTalk(slug, block, "Spark");
        long ember = lightningTalk(slug, block, "Ember");
        for (long id : new long[] { morning, dropped }) {
            Api.attendee().put("/api/events/" + slug + "/agenda/sessions/" + id).then().statusCode(204);
        }
        Api.attendee().put("/api/events/" + slug + "/agenda/blocks/" + block).then().statusCode(204);
        AgendaFixtures.updateSession(slug, dropped, Map.of("status", "cancelled"));
        long eventId = ((Number) entityManager.createNativeQuery("select event_id from session where id = ?1")
                .setParameter(1, morning).getSingleResult()).longValue();
        long userId = ((Number) entityManager.createNativeQuery("select user_id from bookmark where session_id = ?1")
                .setParameter(1, morning).getSingleResult()).longValue();

        assertEquals(List.of(morning, dropped, spark, ember), bookmarks.sessionIds(eventId, userId));
    }

    @Test
    void other_features_see_only_sessions_of_the_event_they_ask_about() {
        String slug = newEvent("bm-mine");
        long here = create(slug, talk("Here", room(slug, "Theater", 120), "09:00", "09:30")).getLong("id");
        String elsewhere = newEvent("bm-elsewhere");
        long there = create(elsewhere, talk("There", room(elsewhere, "Flex", 40), "09:00", "09:30")).getLong("id");
        Api.attendee().put("/api/events/" + slug + "/agenda/sessions/" + here).then().statusCode(204);
        long eventId = number("select event_id from session where id = ?1", here);
        long userId = number("select user_id from bookmark where session_id = ?1", here);
        // A row that files another event's session under this event: the lookup must still keep to this event.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "insert into bookmark (user_id, event_id, session_id) values (?1, ?2, ?3)")
                .setParameter(1, userId).setParameter(2, eventId).setParameter(3, there).executeUpdate());

        assertEquals(List.of(here), bookmarks.sessionIds(eventId, userId));
    }

    private long number(String sql, long parameter) {
        return ((Number) entityManager.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue();
    }

    private long rows(long sessionId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from bookmark where session_id = ?1")
                .setParameter(1, sessionId).getSingleResult()).longValue();
    }

    @Test
    void in_manual_mode_only_the_released_schedule_can_be_bookmarked() {
        String slug = newEvent("bm-draft");
        long theater = room(slug, "Theater", 100);
        long released = create(slug, talk("Released", theater, "09:00", "09:30")).getLong("id");
        releaseMode(slug, "manual").statusCode(200);
        long draftOnly = create(slug, talk("Secret keynote", theater, "10:00", "10:30")).getLong("id");
        AgendaFixtures.updateSession(slug, released, Map.of("title", "Secretly called off", "status", "cancelled"));

        Api.attendee().put("/api/events/" + slug + "/agenda/sessions/" + draftOnly).then().statusCode(404)
                .body("detail", not(containsString("Secret")));
        // Cancelled only in the draft: the public still sees it on, so it can be bookmarked.
        Api.attendee().put("/api/events/" + slug + "/agenda/sessions/" + released).then().statusCode(204);
    }
}
