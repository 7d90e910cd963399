package io.hallway.venue;

import static io.hallway.testing.ScheduleFixtures.newEvent;
import static io.hallway.testing.ScheduleFixtures.room;
import static io.hallway.venue.VenueBuilder.theaterAndFlexSpace;
import static org.hamcrest.Matchers.*;
import static org.hamcrest.MatcherAssert.assertThat;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VenueAdminTest {

    @Inject
    EntityManager entityManager;

    private static String eventWithRooms() {
        String slug = newEvent("venue-admin");
        room(slug, "Theater", 120);
        room(slug, "Flex Space", 40);
        return slug;
    }

    private Object[] storedRow(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                select v.version, jsonb_array_length(v.document -> 'edges'), (v.document -> 'version') is not null
                from venue v join event e on e.id = v.event_id where e.slug = ?1""")
                .setParameter(1, slug).getSingleResult());
    }

    @Test
    void an_organizer_uploads_a_venue_and_reads_it_back() {
        String slug = eventWithRooms();

        Api.organizer().body(theaterAndFlexSpace().json()).put("/api/admin/events/" + slug + "/venue")
                .then().statusCode(201)
                .header("Location", endsWith("/api/admin/events/" + slug + "/venue"))
                .header("ETag", "\"1\"")
                .body("version", is(1))
                .body("rooms.scheduleRoom", contains("Theater", "Flex Space"));

        Api.organizer().get("/api/admin/events/" + slug + "/venue").then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("levels.id", contains("up", "down"))
                .body("edges.find { it.id == 'lift' }.extraSeconds", is(20.0f));
        Object[] row = storedRow(slug);
        assertThat(((Number) row[0]).longValue(), is(1L));
        assertThat(((Number) row[1]).intValue(), is(5));
        assertThat("the version lives in its column, not in the document", row[2], is(false));
    }

    @Test
    void a_replacement_names_its_version_and_a_stale_one_is_a_conflict() {
        String slug = eventWithRooms();
        theaterAndFlexSpace().upload(slug);
        var changed = theaterAndFlexSpace().change("edges", 0, "hint", "Mind the cables").json();

        Api.organizer().body(changed).put("/api/admin/events/" + slug + "/venue")
                .then().statusCode(428).contentType("application/problem+json");
        Api.organizer().header("If-Match", "\"1\"").body(changed).put("/api/admin/events/" + slug + "/venue")
                .then().statusCode(200).header("ETag", "\"2\"").body("edges[0].hint", is("Mind the cables"));
        Api.organizer().header("If-Match", "\"1\"").body(theaterAndFlexSpace().json())
                .put("/api/admin/events/" + slug + "/venue")
                .then().statusCode(409).contentType("application/problem+json")
                .body("title", is("Stale version")).body("currentVersion", is(2));

        assertThat(((Number) storedRow(slug)[0]).longValue(), is(2L));
    }

    @Test
    void an_invalid_venue_is_refused_naming_each_bad_element() {
        String slug = eventWithRooms();
        var broken = theaterAndFlexSpace().change("edges", 0, "to", "nowhere").change("rooms", 1, "scheduleRoom", "Attic")
                .json();

        Api.organizer().body(broken).put("/api/admin/events/" + slug + "/venue")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", is("Invalid venue"))
                .body("violations.field", containsInAnyOrder("/edges/0/to", "/rooms/1/scheduleRoom"))
                .body("violations.message", hasItem("edge 'upper' refers to unknown node 'nowhere'"));
        Api.organizer().get("/api/admin/events/" + slug + "/venue").then().statusCode(404);
    }

    @Test
    void an_unknown_edge_kind_or_category_is_refused_with_the_allowed_ones() {
        String slug = eventWithRooms();
        var venue = theaterAndFlexSpace().change("edges", 0, "kind", "slide").change("pois", 0, "category", "bar").json();

        Api.organizer().body(venue).put("/api/admin/events/" + slug + "/venue")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:hallway:problem:invalid-venue"))
                .body("violations.field", hasItems("/edges/0/kind", "/pois/0/category"))
                .body("violations.message", hasItems(
                        endsWith("has kind 'slide'; use one of corridor, door, stairs, ramp, elevator, escalator"),
                        endsWith("has category 'bar'; use one of toilet, accessible-toilet, coffee, water, exit, "
                                + "info-desk, elevator, stairs, quiet-room, meeting-point, lounge")));
    }

    @Test
    void an_unknown_property_in_the_venue_is_refused() {
        String slug = eventWithRooms();
        var venue = theaterAndFlexSpace().change("nodes", 0, "colour", "red").json();

        Api.organizer().body(venue).put("/api/admin/events/" + slug + "/venue")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", is("/nodes/0/colour"));
    }

    @Test
    void closing_an_edge_reroutes_at_once_and_reopening_restores_the_route() {
        String slug = eventWithRooms();
        theaterAndFlexSpace().upload(slug);
        String route = "/api/events/" + slug + "/route?from=theater&to=flex";
        Api.anonymous().get(route).then().statusCode(200).body("path.node", contains("u1", "d1"));

        Api.organizer().body(Map.of("closed", true, "closedUntil", "2099-01-01T00:00:00Z"))
                .patch("/api/admin/events/" + slug + "/venue/edges/stairs")
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("id", is("stairs")).body("closed", is(true)).body("closedUntil", is("2099-01-01T00:00:00Z"));
        Api.anonymous().get(route).then().statusCode(200).body("path.node", contains("u1", "u2", "d2", "d1"));
        Api.anonymous().get("/api/events/" + slug + "/venue").then()
                .body("edges.find { it.id == 'stairs' }.closed", is(true));

        Api.organizer().body(Map.of("closed", false)).patch("/api/admin/events/" + slug + "/venue/edges/stairs")
                .then().statusCode(200).header("ETag", "\"3\"").body("closed", nullValue());
        Api.anonymous().get(route).then().statusCode(200).body("path.node", contains("u1", "d1"));
    }

    @Test
    void closing_an_unknown_edge_or_until_the_past_is_refused() {
        String slug = eventWithRooms();
        theaterAndFlexSpace().upload(slug);

        Api.organizer().body(Map.of("closed", true)).patch("/api/admin/events/" + slug + "/venue/edges/nope")
                .then().statusCode(404).contentType("application/problem+json");
        Api.organizer().body(Map.of("closed", true, "closedUntil", "2020-01-01T00:00:00Z"))
                .patch("/api/admin/events/" + slug + "/venue/edges/stairs")
                .then().statusCode(400).body("violations[0].field", is("closedUntil"));
        Api.organizer().header("If-Match", "\"7\"").body(Map.of("closed", true))
                .patch("/api/admin/events/" + slug + "/venue/edges/stairs").then().statusCode(409);
    }
}
