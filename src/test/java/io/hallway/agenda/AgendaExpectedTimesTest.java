package io.hallway.agenda;

import static io.hallway.testing.AgendaFixtures.bookmark;
import static io.hallway.testing.LiveFixtures.*;
import static io.hallway.testing.ScheduleFixtures.*;
import static io.hallway.venue.VenueBuilder.theaterAndFlexSpace;
import static org.hamcrest.Matchers.*;

import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The agenda and next-route by expected times, after a host's report; the walk from the Theater to the Flex Space
 * is 10 s by stairs.
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AgendaExpectedTimesTest {

    @Test
    void a_delay_turns_a_gap_into_a_clash_and_items_carry_planned_and_expected_times() {
        String slug = newEvent("agenda-live");
        long theater = room(slug, "Theater", 120);
        long flex = room(slug, "Flex Space", 40);
        long keynote = create(slug, talk("Keynote", theater, "09:00", "09:30")).getLong("id");
        long workshop = create(slug, talk("Workshop", flex, "09:40", "10:10")).getLong("id");
        long later = create(slug, talk("Later", flex, "10:30", "11:00")).getLong("id");
        for (long id : new long[] { keynote, workshop, later }) {
            bookmark(Api.attendee(), slug, id);
        }
        String agenda = "/api/events/" + slug + "/agenda";
        Api.attendee().get(agenda).then().statusCode(200).body("conflicts", empty())
                .body("gaps[0].freeMinutes", is(10)).body("gaps[0].plannedFreeMinutes", is(10));

        // The keynote runs 15 late: 09:15-09:45, five minutes into the workshop.
        clockAt("09:20");
        runningLate(Api.organizer(), slug, theater, 15).statusCode(200);

        Api.attendee().get(agenda).then().statusCode(200)
                .body("items.title", contains("Keynote", "Workshop", "Later"))
                .body("items[0].startsAt", is(at("09:00")))
                .body("items[0].expectedStartsAt", is(at("09:15")))
                .body("items[0].expectedEndsAt", is(at("09:45")))
                .body("items[0].delayMinutes", is(15))
                .body("items[1].expectedStartsAt", is(at("09:40")))
                .body("items[1].delayMinutes", is(0))
                .body("conflicts", hasSize(1))
                .body("conflicts[0].first", is("session-" + keynote))
                .body("conflicts[0].second", is("session-" + workshop))
                .body("conflicts[0].overlapMinutes", is(5))
                .body("gaps", hasSize(1))
                .body("gaps[0].after", is("session-" + workshop))
                .body("gaps[0].freeMinutes", is(20));
    }

    @Test
    void a_gap_that_became_too_short_to_walk_is_flagged() {
        String slug = newEvent("agenda-walk");
        long theater = room(slug, "Theater", 120);
        long flex = room(slug, "Flex Space", 40);
        long first = create(slug, talk("First", theater, "09:00", "09:29")).getLong("id");
        long second = create(slug, talk("Second", flex, "09:30", "10:00")).getLong("id");
        theaterAndFlexSpace().upload(slug);
        bookmark(Api.attendee(), slug, first);
        bookmark(Api.attendee(), slug, second);
        String agenda = "/api/events/" + slug + "/agenda";
        Api.attendee().get(agenda).then().body("gaps[0].enoughTime", is(true)).body("gaps[0].becameTooShort", is(false));

        // It ended at 09:29:55: five seconds left for a ten-second walk.
        clockAt("09:29:58");
        actualTimes(Api.organizer(), slug, theater, Map.of("sessionId", first, "endedAt", "2024-11-10T09:29:55-07:00"))
                .statusCode(200);

        Api.attendee().get(agenda).then().statusCode(200)
                .body("gaps[0].roomChange", is(true))
                .body("gaps[0].walkingSeconds", is(10))
                .body("gaps[0].plannedFreeMinutes", is(1))
                .body("gaps[0].freeMinutes", is(0))
                .body("gaps[0].enoughTime", is(false))
                .body("gaps[0].becameTooShort", is(true));
    }

    @Test
    void next_route_leaves_by_the_expected_start() {
        String slug = newEvent("next-route-live");
        room(slug, "Theater", 120);
        long flex = room(slug, "Flex Space", 40);
        long talk = create(slug, talk("Debug like a pro", flex, "10:00", "10:30")).getLong("id");
        theaterAndFlexSpace().upload(slug);
        bookmark(Api.attendee(), slug, talk);
        // Nothing runs in the Flex Space at 09:50: the delay is said of the next talk, which starts 10:07.
        clockAt("09:50");
        runningLate(Api.organizer(), slug, flex, 7).statusCode(200);
        String base = "/api/events/" + slug + "/agenda/next-route?from=theater&at=";

        Api.attendee().get(base + at("09:59").replace("+", "%2B") + "&session=" + talk).then().statusCode(200)
                .body("startsAt", is(at("10:07")))
                .body("plannedStartsAt", is(at("10:00")))
                .body("delayMinutes", is(7))
                .body("leaveBy", is("2024-11-10T10:06:50-07:00"))
                .body("slackSeconds", is(470))
                .body("onTime", is(true));
        // At 10:03 the talk was planned to have started, but is expected at 10:07: it is still my next one.
        Api.attendee().get(base + at("10:03")).then().statusCode(200)
                .body("session.id", is((int) talk))
                .body("slackSeconds", is(230));
    }
}
