package io.hallway.agenda;

import static io.hallway.testing.AgendaFixtures.*;
import static io.hallway.testing.LiveFixtures.*;
import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Delays in the personal change feed: only for sessions I bookmarked (or their block), only when the expected start
 * moves by at least the threshold (5 minutes), and a cursor that pages through them though they leave the schedule
 * version alone. The Theater has talks 14:00-14:30 and 14:30-15:00 and a lightning block 15:00-15:10.
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DelayChangesTest {

    private record Day(String slug, long theater, long first, long second, long block, long spark, long ember) {
    }

    private static Day day() {
        String slug = newEvent("delay-feed");
        long theater = room(slug, "Theater", 120);
        long first = create(slug, talk("First", theater, "14:00", "14:30")).getLong("id");
        long second = create(slug, talk("Second", theater, "14:30", "15:00")).getLong("id");
        long block = block(slug, "Lightning", theater, "15:00", "15:10");
        long spark = lightningTalk(slug, block, "Spark");
        long ember = lightningTalk(slug, block, "Ember");
        return new Day(slug, theater, first, second, block, spark, ember);
    }

    private static ValidatableResponse changes(io.restassured.specification.RequestSpecification who, Day day,
            String since) {
        return who.queryParam("since", since).get("/api/events/" + day.slug() + "/agenda/changes").then().statusCode(200);
    }

    @Test
    void a_delay_reaches_the_followers_of_the_sessions_it_moves_with_a_sentence() {
        var day = day();
        bookmark(Api.attendee(), day.slug(), day.first());
        bookmark(Api.attendee(), day.slug(), day.second());
        Api.attendee().put("/api/events/" + day.slug() + "/agenda/blocks/" + day.block()).then().statusCode(204);
        String since = cursor(day.slug());
        clockAt("14:10");

        // The first talk, in progress, runs 12 late: it has started, so only what follows is news.
        runningLate(Api.organizer(), day.slug(), day.theater(), 12).statusCode(200);

        changes(Api.attendee(), day, since)
                .body("changes.kind", contains("delay", "delay", "delay"))
                .body("changes.sessionId", contains((int) day.second(), (int) day.spark(), (int) day.ember()))
                .body("changes[0].changes", contains("delay"))
                .body("changes[0].before", nullValue())
                .body("changes[0].delay.roomName", is("Theater"))
                .body("changes[0].delay.sessionKind", is("talk"))
                .body("changes[0].delay.plannedStartsAt", is(at("14:30")))
                .body("changes[0].delay.previousExpectedStartsAt", is(at("14:30")))
                .body("changes[0].delay.expectedStartsAt", is(at("14:42")))
                .body("changes[0].delay.delayMinutes", is(12))
                .body("changes[0].delay.message", is("Theater is running 12 min late: your 14:30 talk now starts 14:42"))
                .body("changes[1].delay.message",
                        is("Theater is running 12 min late: your 15:00 lightning talk now starts 15:12"));
        // Nobody else bookmarked anything here: nothing for them.
        changes(Api.otherAttendee(), day, since).body("changes", empty());
    }

    @Test
    void a_move_below_the_threshold_is_not_news_but_on_time_again_is() {
        var day = day();
        bookmark(Api.attendee(), day.slug(), day.second());
        clockAt("14:10");
        runningLate(Api.organizer(), day.slug(), day.theater(), 12).statusCode(200);
        String afterFirst = changes(Api.attendee(), day, cursor(day.slug())).body("changes", hasSize(1)).extract()
                .path("cursor");

        // 12 to 15 late moves the second talk 3 minutes: below 5.
        runningLate(Api.organizer(), day.slug(), day.theater(), 15).statusCode(200);
        changes(Api.attendee(), day, afterFirst).body("changes", empty());
        // 15 to 19 late: 4 minutes since the last report, still nothing.
        runningLate(Api.organizer(), day.slug(), day.theater(), 19).statusCode(200);
        changes(Api.attendee(), day, afterFirst).body("changes", empty());

        onTimeAgain(Api.organizer(), day.slug(), day.theater()).statusCode(204);
        changes(Api.attendee(), day, afterFirst)
                .body("changes.sessionId", contains((int) day.second()))
                .body("changes[0].delay.expectedStartsAt", is(at("14:30")))
                .body("changes[0].delay.previousExpectedStartsAt", is(at("14:49")))
                .body("changes[0].delay.delayMinutes", is(0))
                .body("changes[0].delay.message", is("Theater is on time again: your 14:30 talk starts 14:30 as planned"));
    }

    @Test
    void the_cursor_pages_through_delays_and_schedule_changes_without_missing_or_repeating_any() {
        var day = day();
        bookmark(Api.attendee(), day.slug(), day.second());
        String schedule = cursor(day.slug());
        clockAt("14:10");

        runningLate(Api.organizer(), day.slug(), day.theater(), 10).statusCode(200);
        String one = changes(Api.attendee(), day, schedule).body("changes.delay.delayMinutes", contains(10)).extract()
                .path("cursor");
        // Same schedule version, but the cursor knows the delay was handed out.
        assertNotEquals(schedule, one);
        changes(Api.attendee(), day, one).body("changes", empty());

        // Another delay at the same schedule version: the next page has it, and only it.
        runningLate(Api.organizer(), day.slug(), day.theater(), 20).statusCode(200);
        String two = changes(Api.attendee(), day, one).body("changes.delay.delayMinutes", contains(20)).extract()
                .path("cursor");

        // A schedule change, then a delay: both, in the order they happened.
        updateSession(day.slug(), day.second(), Map.of("speakerIds", List.of(speaker(day.slug(), "Grace"))));
        clockAt("14:26");
        runningLate(Api.organizer(), day.slug(), day.theater(), 25).statusCode(200);
        changes(Api.attendee(), day, two)
                .body("changes.kind", contains("schedule", "delay"))
                .body("changes[0].changes", contains("speakers"))
                .body("changes[1].delay.delayMinutes", is(25));
        // The schedule's own cursor of before still works: everything since, delays included.
        changes(Api.attendee(), day, schedule).body("changes.kind", contains("delay", "delay", "schedule", "delay"));
    }
}
