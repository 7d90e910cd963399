package io.hallway.agenda;

import static io.hallway.testing.ScheduleFixtures.*;
import static io.hallway.venue.VenueBuilder.theaterAndFlexSpace;
import static org.hamcrest.Matchers.*;

import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

/** "Can I make my next talk?" with the session named; the walk from the Theater to the Flex Space is 10 s by stairs. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NextRouteTest {

    private record Setup(String slug, long talk, long theater, long flex) {
    }

    private static Setup event() {
        String slug = newEvent("next-route");
        long theater = room(slug, "Theater", 120);
        long flex = room(slug, "Flex Space", 40);
        long talk = create(slug, talk("Debug like a pro", flex, "10:00", "10:30")).getLong("id");
        theaterAndFlexSpace().upload(slug);
        return new Setup(slug, talk, theater, flex);
    }

    private static String nextRoute(Setup setup, String at, String more) {
        return "/api/events/" + setup.slug() + "/agenda/next-route?from=theater&session=" + setup.talk() + "&at="
                + at.replace("+", "%2B") + more;
    }

    @Test
    void leaving_a_minute_early_leaves_fifty_seconds_to_spare() {
        var setup = event();

        Api.attendee().get(nextRoute(setup, at("09:59"), "")).then().statusCode(200)
                .body("session.id", is((int) setup.talk()))
                .body("session.room", is("Flex Space"))
                .body("at", is("2024-11-10T09:59:00-07:00"))
                .body("startsAt", is("2024-11-10T10:00:00-07:00"))
                .body("leaveBy", is("2024-11-10T09:59:50-07:00"))
                .body("slackSeconds", is(50))
                .body("onTime", is(true))
                .body("route.duration", is(10))
                .body("route.to.id", is("flex"));
    }

    @Test
    void leaving_five_seconds_too_late_is_not_on_time() {
        var setup = event();

        Api.attendee().get(nextRoute(setup, at("09:59:55").replace(":55:00", ":55"), "")).then().statusCode(200)
                .body("leaveBy", is("2024-11-10T09:59:50-07:00"))
                .body("slackSeconds", is(-5))
                .body("onTime", is(false));
    }

    @Test
    void step_free_the_elevator_makes_the_walk_longer() {
        var setup = event();

        // 10 m + 4 m at 1 m/s plus a 20 s wait and 10 m more: 44 s.
        Api.attendee().get(nextRoute(setup, at("09:59"), "&profile=step-free")).then().statusCode(200)
                .body("route.duration", is(44))
                .body("leaveBy", is("2024-11-10T09:59:16-07:00"))
                .body("slackSeconds", is(16))
                .body("onTime", is(true));
    }

    @Test
    void a_session_elsewhere_cancelled_or_without_a_mapped_room_is_a_clear_problem() {
        var setup = event();
        var other = event();
        long lobby = room(setup.slug(), "Lobby", 10);
        long unmapped = create(setup.slug(), talk("In the lobby", lobby, "11:00", "11:30")).getLong("id");
        var cancelled = talk("Cancelled", setup.flex(), "12:00", "12:30");
        long cancelledId = create(setup.slug(), cancelled).getLong("id");
        var body = new java.util.HashMap<String, Object>(cancelled);
        body.put("status", "cancelled");
        body.put("version", 0);
        Api.organizer().body(body).put("/api/admin/events/" + setup.slug() + "/sessions/" + cancelledId)
                .then().statusCode(200);
        String base = "/api/events/" + setup.slug() + "/agenda/next-route?from=theater&session=";

        Api.attendee().get(base + other.talk()).then().statusCode(404).contentType("application/problem+json");
        Api.attendee().get(base + unmapped).then().statusCode(409).body("title", is("Room not on the map"));
        Api.attendee().get(base + cancelledId).then().statusCode(409).body("title", is("Session cancelled"));
        Api.attendee().get(base + setup.talk() + "&at=yesterday").then().statusCode(400)
                .body("violations[0].field", is("at"));
    }

    @Test
    void an_unknown_starting_point_is_a_bad_request() {
        var setup = event();

        Api.attendee().get("/api/events/" + setup.slug() + "/agenda/next-route?from=attic&session=" + setup.talk())
                .then().statusCode(400).body("violations[0].field", is("from"));
        Api.attendee().body(Map.of()).get("/api/events/" + setup.slug() + "/agenda/next-route?session=" + setup.talk())
                .then().statusCode(400);
    }

    @Test
    void in_manual_mode_the_route_leads_to_the_released_session_and_not_to_the_draft() {
        var setup = event();
        releaseMode(setup.slug(), "manual").statusCode(200);
        long draftOnly = create(setup.slug(), talk("Secret keynote", setup.flex(), "11:00", "11:30")).getLong("id");
        io.hallway.testing.AgendaFixtures.updateSession(setup.slug(), setup.talk(), Map.of("title", "Secret title",
                "roomId", setup.theater(), "startsAt", at("10:15"), "endsAt", at("10:45")));
        String base = "/api/events/" + setup.slug() + "/agenda/next-route?from=theater&at=" + at("09:59").replace("+", "%2B");

        Api.attendee().get(base + "&session=" + draftOnly).then().statusCode(404)
                .body("detail", not(containsString("Secret")));
        Api.attendee().get(base + "&session=" + setup.talk()).then().statusCode(200)
                .body("session.title", is("Debug like a pro"))
                .body("session.room", is("Flex Space"))
                .body("plannedStartsAt", is(at("10:00")))
                .body("route.duration", greaterThan(0));

        io.hallway.testing.AgendaFixtures.bookmark(Api.attendee(), setup.slug(), setup.talk());
        Api.attendee().get(base).then().statusCode(200)
                .body("session.id", is((int) setup.talk())).body("session.room", is("Flex Space"));
    }

    @Test
    void the_next_bookmarked_session_counts_a_block_bookmark_for_its_talks_and_skips_cancelled_ones() {
        var setup = event();
        long dropped = create(setup.slug(), talk("Dropped", setup.flex(), "10:30", "11:00")).getLong("id");
        long block = block(setup.slug(), "Lightning", setup.flex(), "13:00", "13:10");
        long spark = lightningTalk(setup.slug(), block, "Spark");
        io.hallway.testing.AgendaFixtures.bookmark(Api.attendee(), setup.slug(), setup.talk());
        io.hallway.testing.AgendaFixtures.bookmark(Api.attendee(), setup.slug(), dropped);
        Api.attendee().put("/api/events/" + setup.slug() + "/agenda/blocks/" + block).then().statusCode(204);
        io.hallway.testing.AgendaFixtures.updateSession(setup.slug(), dropped, Map.of("status", "cancelled"));
        String base = "/api/events/" + setup.slug() + "/agenda/next-route?from=theater&at=";

        Api.attendee().get(base + at("09:00").replace("+", "%2B")).then().statusCode(200)
                .body("session.id", is((int) setup.talk()));
        Api.attendee().get(base + at("10:15").replace("+", "%2B")).then().statusCode(200)
                .body("session.id", is((int) spark));
    }
}
