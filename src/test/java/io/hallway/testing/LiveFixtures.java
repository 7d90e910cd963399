package io.hallway.testing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import io.hallway.live.LiveClock;
import io.quarkus.test.junit.QuarkusMock;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The server's now fixed for one test, and a host's reports through the admin API. */
public final class LiveFixtures {

    private LiveFixtures() {
    }

    /** From here to the end of the test, the live day's now is this time of the test day (see ScheduleFixtures.at). */
    public static void clockAt(String clock) {
        Instant fixed = OffsetDateTime.parse(clock.length() == 5 ? ScheduleFixtures.at(clock)
                : ScheduleFixtures.DAY + "T" + clock + "-07:00").toInstant();
        QuarkusMock.installMockForType(new LiveClock() {
            @Override
            public Instant now() {
                return fixed;
            }
        }, LiveClock.class);
    }

    public static ValidatableResponse runningLate(RequestSpecification host, String slug, long roomId, Object minutes) {
        Map<String, Object> body = new HashMap<>();
        body.put("minutes", minutes);
        return host.body(body).put("/api/admin/events/" + slug + "/rooms/" + roomId + "/delay").then();
    }

    public static ValidatableResponse onTimeAgain(RequestSpecification host, String slug, long roomId) {
        return host.delete("/api/admin/events/" + slug + "/rooms/" + roomId + "/delay").then();
    }

    /** {@code body}: sessionId or blockId, startedAt and/or endedAt. */
    public static ValidatableResponse actualTimes(RequestSpecification host, String slug, long roomId,
            Map<String, Object> body) {
        return host.body(body).put("/api/admin/events/" + slug + "/rooms/" + roomId + "/actual-times").then();
    }
}
