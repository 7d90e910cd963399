package io.hallway.venue;

import static io.hallway.testing.ScheduleFixtures.*;
import static io.hallway.venue.VenueBuilder.theaterAndFlexSpace;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

/** Who may call which venue endpoint, with real signed tokens. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VenuePermissionTest {

    private String slug;
    private long session;

    @BeforeEach
    void a_venue() {
        slug = newEvent("venue-perm");
        long theater = room(slug, "Theater", 120);
        room(slug, "Flex Space", 40);
        session = create(slug, talk("Opening", theater, "09:00", "09:30")).getLong("id");
        theaterAndFlexSpace().upload(slug);
    }

    private String admin() {
        return "/api/admin/events/" + slug + "/venue";
    }

    @Test
    void only_organizers_read_and_write_the_venue_document() {
        var document = theaterAndFlexSpace().json();
        Api.anonymous().get(admin()).then().statusCode(401).contentType("application/problem+json");
        Api.attendee().get(admin()).then().statusCode(404).contentType("application/problem+json");
        Api.organizer().get(admin()).then().statusCode(200);

        Api.anonymous().body(document).put(admin()).then().statusCode(401);
        Api.attendee().header("If-Match", "\"1\"").body(document).put(admin()).then().statusCode(404);

        Api.anonymous().body(Map.of("closed", true)).patch(admin() + "/edges/stairs").then().statusCode(401);
        Api.otherAttendee().body(Map.of("closed", true)).patch(admin() + "/edges/stairs").then().statusCode(404);
        Api.organizer().get(admin()).then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void anyone_reads_the_map_and_routes_without_logging_in() {
        String base = "/api/events/" + slug;
        for (String path : new String[] { "/venue", "/venue.geojson", "/venue/levels/up.geojson",
                "/venue/nodes/u1/qr.png", "/venue/nodes/u1/qr.svg", "/route?from=theater&to=flex" }) {
            Api.anonymous().get(base + path).then().statusCode(200);
            Api.attendee().get(base + path).then().statusCode(200);
        }
    }

    @Test
    void the_next_route_is_for_attendees() {
        String path = "/api/events/" + slug + "/agenda/next-route?from=flex&session=" + session + "&at=" + at("08:00");

        Api.anonymous().get(path).then().statusCode(401).contentType("application/problem+json");
        Api.attendee().get(path).then().statusCode(200);
        Api.otherAttendee().get(path).then().statusCode(200);
        Api.organizer().get(path).then().statusCode(200); // olivia attends too
    }
}
