package io.hallway.schedule;

import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ScheduleSmokeTest {

    @Test
    void an_organizer_builds_a_schedule_that_anyone_can_read() {
        String slug = newEvent("smoke");
        long theater = room(slug, "Theater", 120);
        long speaker = speaker(slug, "Riley");
        create(slug, talk("Opening", theater, "09:00", "09:30", speaker));

        Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(200)
                .body("sessions", hasSize(1))
                .body("sessions[0].startsAt", equalTo("2024-11-10T09:00:00-07:00"))
                .body("sessions[0].speakers[0].name", equalTo("Riley"));
    }
}
