package io.hallway.agenda;

import static io.hallway.testing.ScheduleFixtures.*;
import static io.hallway.venue.VenueBuilder.theaterAndFlexSpace;
import static org.hamcrest.Matchers.*;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The agenda and the venue together: routing to my next bookmarked talk, and walking times in the gaps
 * of my agenda. The walk from the Theater to the Flex Space of the test venue is 10 s by stairs.
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AgendaRoutesTest {

    @Test
    void next_route_takes_my_next_bookmarked_talk_and_not_someone_elses() {
        String slug = newEvent("agenda-route");
        long theater = room(slug, "Theater", 120);
        long flex = room(slug, "Flex Space", 40);
        long early = create(slug, talk("Early, in the Theater", theater, "09:00", "09:30")).getLong("id");
        long later = create(slug, talk("Later, downstairs", flex, "10:00", "10:30")).getLong("id");
        long brunos = create(slug, talk("Bruno's pick", theater, "09:40", "09:55")).getLong("id");
        theaterAndFlexSpace().upload(slug);
        Api.attendee().put("/api/events/" + slug + "/agenda/sessions/" + early).then().statusCode(204);
        Api.attendee().put("/api/events/" + slug + "/agenda/sessions/" + later).then().statusCode(204);
        Api.otherAttendee().put("/api/events/" + slug + "/agenda/sessions/" + brunos).then().statusCode(204);

        Api.attendee().queryParam("from", "theater").queryParam("at", at("09:35"))
                .get("/api/events/" + slug + "/agenda/next-route").then().statusCode(200)
                .body("session.id", is((int) later))
                .body("leaveBy", is("2024-11-10T09:59:50-07:00"))
                .body("onTime", is(true));
        Api.attendee().queryParam("from", "theater").queryParam("at", at("10:05"))
                .get("/api/events/" + slug + "/agenda/next-route").then().statusCode(404);
    }

    @Test
    void a_gap_between_rooms_says_how_long_the_walk_is_and_whether_it_fits() {
        String slug = newEvent("agenda-walk");
        long theater = room(slug, "Theater", 120);
        long flex = room(slug, "Flex Space", 40);
        long first = create(slug, talk("Upstairs", theater, "09:00", "09:30")).getLong("id");
        long second = create(slug, talk("Downstairs", flex, "09:30", "10:00")).getLong("id");
        long third = create(slug, talk("Upstairs again", theater, "10:05", "10:35")).getLong("id");
        theaterAndFlexSpace().upload(slug);
        for (long id : new long[] { first, second, third }) {
            Api.attendee().put("/api/events/" + slug + "/agenda/sessions/" + id).then().statusCode(204);
        }

        Api.attendee().get("/api/events/" + slug + "/agenda").then().statusCode(200)
                .body("gaps", hasSize(2))
                .body("gaps[0].roomChange", is(true))
                .body("gaps[0].walkingSeconds", is(10))
                .body("gaps[0].enoughTime", is(false))
                .body("gaps[1].walkingSeconds", greaterThan(0))
                .body("gaps[1].enoughTime", is(true));
    }
}
