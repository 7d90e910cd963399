package io.hallway.schedule;

import static io.hallway.testing.ScheduleFixtures.*;
import static io.hallway.testing.Refusals.invalidField;
import static org.hamcrest.Matchers.*;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

/** A session's kind and status are spelled as they always were, and an unknown one is refused with the allowed ones. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SessionWireValuesTest {

    static final List<String> KINDS = List.of("talk", "lightning-talk", "keynote", "panel", "workshop", "break", "social");
    static final String ALLOWED_KINDS = "must be one of talk, lightning-talk, keynote, panel, workshop, break, social";

    @Test
    void the_contract_spells_kinds_and_statuses_as_before() {
        Api.anonymous().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.SessionKind.enum", is(KINDS))
                .body("components.schemas.SessionStatus.enum", is(List.of("scheduled", "cancelled")));
    }

    @Test
    void every_kind_and_status_is_accepted_stored_and_filtered_by() {
        String slug = newEvent("wire");
        long room = room(slug, "Hall", null);
        for (int i = 0; i < KINDS.size(); i++) {
            var session = session(KINDS.get(i), "Item " + i, room, String.format("%02d:00", 8 + i),
                    String.format("%02d:05", 8 + i));
            session.put("status", i % 2 == 0 ? "scheduled" : "cancelled");
            create(slug, session);
        }
        for (String kind : KINDS) {
            Api.anonymous().queryParam("kind", kind).get("/api/events/" + slug + "/sessions").then().statusCode(200)
                    .body("items.kind", contains(kind));
        }
        Api.anonymous().get("/api/events/" + slug + "/sessions").then().statusCode(200)
                .body("items.status", hasItems("scheduled", "cancelled"));
    }

    @Test
    void an_unknown_kind_in_a_session_is_refused_with_the_allowed_kinds() {
        String slug = newEvent("wire");
        long room = room(slug, "Hall", null);

        invalidField(Api.organizer().body(session("concert", "Band", room, "10:00", "10:30"))
                .post("/api/admin/events/" + slug + "/sessions").then(), "kind", ALLOWED_KINDS);
    }

    @Test
    void an_unknown_status_in_a_session_is_refused_with_the_allowed_statuses() {
        String slug = newEvent("wire");
        var postponed = talk("Later", room(slug, "Hall", null), "10:00", "10:30");
        postponed.put("status", "postponed");

        invalidField(Api.organizer().body(postponed).post("/api/admin/events/" + slug + "/sessions").then(), "status",
                "must be one of scheduled, cancelled");
    }

    @Test
    void an_unknown_kind_to_filter_by_is_refused_with_the_allowed_kinds() {
        String slug = newEvent("wire");

        invalidField(Api.anonymous().queryParam("kind", "concert").get("/api/events/" + slug + "/sessions").then(), "kind",
                ALLOWED_KINDS);
    }

    @Test
    void an_unknown_kind_in_the_duration_limits_is_refused_with_the_allowed_kinds() {
        invalidField(Api.organizer().body(Map.of("slug", "wire-limits", "name", "Limits", "timeZone", ZONE, "startDate", DAY,
                "endDate", DAY, "durationLimits", Map.of("concert", 90))).post("/api/admin/events").then(),
                "durationLimits", ALLOWED_KINDS);
    }
}
