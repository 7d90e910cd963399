package io.hallway.venue;

import static io.hallway.testing.ScheduleFixtures.*;
import static io.hallway.venue.VenueBuilder.theaterAndFlexSpace;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.time.Duration;
import java.util.HashMap;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.schedule.Event;
import io.hallway.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The in-memory graphs follow what is stored, whichever replica stored it; and walking times come from them. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VenueFreshnessTest {

    @Inject
    VenueGraphs graphs;

    @Inject
    Venues venues;

    @Inject
    EntityManager entityManager;

    private static String eventWithVenue() {
        String slug = newEvent("venue-fresh");
        room(slug, "Theater", 120);
        room(slug, "Flex Space", 40);
        theaterAndFlexSpace().upload(slug);
        return slug;
    }

    private long eventId(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Event.findBySlug(slug).orElseThrow().id);
    }

    @Test
    void a_venue_saved_by_another_replica_is_served_after_the_next_refresh() {
        String slug = eventWithVenue();
        String route = "/api/events/" + slug + "/route?from=theater&to=flex";
        Api.anonymous().get(route).then().body("path.node", contains("u1", "d1"));
        // What another replica's PATCH would leave in the database: the stairs closed, the version bumped.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                update venue set version = version + 1,
                    document = jsonb_set(document, '{edges,3,closed}', 'true')
                where event_id = (select id from event where slug = ?1)""").setParameter(1, slug).executeUpdate());

        // Until the refresh, this replica routes on its graph without reading the database.
        Api.anonymous().get(route).then().body("path.node", contains("u1", "d1"));
        graphs.refresh();

        Api.anonymous().get(route).then().body("path.node", contains("u1", "u2", "d2", "d1"));
        Api.anonymous().get("/api/events/" + slug + "/venue").then().header("ETag", "\"2\"");
    }

    @Test
    void an_unpublished_event_loses_its_public_map_at_the_next_refresh() {
        String slug = eventWithVenue();
        Api.anonymous().get("/api/events/" + slug + "/venue").then().statusCode(200);
        var event = Api.organizer().get("/api/admin/events/" + slug).then().extract().jsonPath();
        var unpublished = new HashMap<String, Object>(event.getMap(""));
        unpublished.put("published", false);
        unpublished.remove("scheduleVersion");
        Api.organizer().body(unpublished).put("/api/admin/events/" + slug).then().statusCode(200);

        graphs.refresh();

        Api.anonymous().get("/api/events/" + slug + "/venue").then().statusCode(404);
        Api.anonymous().get("/api/events/" + slug + "/route?from=theater&to=flex").then().statusCode(404);
    }

    @Test
    void walking_times_between_schedule_rooms_come_from_the_linked_venue_rooms() {
        String slug = newEvent("venue-walk");
        long theater = room(slug, "Theater", 120);
        long flex = room(slug, "Flex Space", 40);
        long lobby = room(slug, "Lobby", 10);
        theaterAndFlexSpace().upload(slug);
        long eventId = eventId(slug);

        Optional<Duration> down = QuarkusTransaction.requiringNew().call(() -> venues.walkingTime(eventId, theater, flex));
        Optional<Duration> unlinked = QuarkusTransaction.requiringNew().call(() -> venues.walkingTime(eventId, theater, lobby));
        Optional<Duration> sameRoom = QuarkusTransaction.requiringNew().call(() -> venues.walkingTime(eventId, flex, flex));

        assertThat(down, is(Optional.of(Duration.ofSeconds(10)))); // 6 m of stairs at half of 1.2 m/s
        assertThat(unlinked, is(Optional.empty()));
        assertThat(sameRoom, is(Optional.of(Duration.ZERO)));
    }

    @Test
    void an_event_without_a_venue_has_no_walking_times() {
        String slug = newEvent("venue-walk-none");
        long a = room(slug, "A", 10);
        long b = room(slug, "B", 10);
        long eventId = eventId(slug);

        assertThat(QuarkusTransaction.requiringNew().call(() -> venues.walkingTime(eventId, a, b)), is(Optional.empty()));
    }
}
