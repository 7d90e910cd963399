package io.hallway.venue;

import static io.hallway.venue.VenueBuilder.venue;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.common.Problem;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VenueValidatorTest {

    /** Valid: the Theater upstairs, the Flex Space downstairs, joined by stairs. */
    private static VenueBuilder valid() {
        return venue().level("up", "Upstairs", 1).node("u1", 0, 0).node("u2", 10, 0)
                .level("down", "Downstairs", 0).node("d1", 0, 0).node("d2", 10, 0)
                .room("theater", "Theater", "up", "u2", "scheduleRoom", "Theater")
                .room("flex", "Flex Space", "down", "d2")
                .poi("wc", "toilet", "down", "d1")
                .edge("upper", "u1", "u2", "corridor").edge("lower", "d1", "d2", "corridor")
                .edge("stairs", "u1", "d1", "stairs", "length", 7.0);
    }

    private static Problem.Violation onlyViolation(UnaryOperator<VenueBuilder> spoil) {
        Problem problem = assertThrows(Problem.class,
                () -> VenueValidator.check(spoil.apply(valid()).document(), Set.of("Theater", "Flex Space"), 1000));
        assertThat(problem.status(), is(400));
        assertThat(problem.title(), is("Invalid venue"));
        assertThat(problem.violations(), hasSize(1));
        return problem.violations().get(0);
    }

    @Test
    void the_valid_venue_passes() {
        assertDoesNotThrow(() -> VenueValidator.check(valid().document(), Set.of("Theater"), 1000));
    }

    @Test
    void an_edge_to_an_unknown_node_is_named() {
        var violation = onlyViolation(v -> v.change("edges", 0, "to", "u9"));
        assertThat(violation.field(), is("/edges/0/to"));
        assertThat(violation.message(), is("edge 'upper' refers to unknown node 'u9'"));
    }

    @Test
    void a_node_on_an_unknown_level_is_named() {
        var violation = onlyViolation(v -> v.change("nodes", 1, "level", "attic").change("rooms", 0, "entrances", List.of("u1")));
        assertThat(violation.field(), is("/nodes/1/level"));
        assertThat(violation.message(), is("node 'u2' is on unknown level 'attic'"));
    }

    @Test
    void a_duplicate_id_names_both_uses() {
        var violation = onlyViolation(v -> v.change("pois", 0, "id", "d1"));
        assertThat(violation.field(), is("/pois/0/id"));
        assertThat(violation.message(), is("duplicate id 'd1': already used by a node"));
    }

    @Test
    void an_edge_between_levels_must_be_stairs_ramp_elevator_or_escalator() {
        var violation = onlyViolation(v -> v.change("edges", 2, "kind", "corridor"));
        assertThat(violation.field(), is("/edges/2/kind"));
        assertThat(violation.message(), containsString("edge 'stairs' joins levels 'up' and 'down'"));
    }

    @Test
    void an_edge_between_levels_needs_a_length() {
        var violation = onlyViolation(v -> v.change("edges", 2, "length", null));
        assertThat(violation.field(), is("/edges/2/length"));
        assertThat(violation.message(), is("edge 'stairs' changes level, so it needs a length in metres"));
    }

    @Test
    void a_negative_length_is_refused() {
        var violation = onlyViolation(v -> v.change("edges", 0, "length", -3.0));
        assertThat(violation.field(), is("/edges/0/length"));
        assertThat(violation.message(), is("edge 'upper' has a negative length"));
    }

    @Test
    void stairs_cannot_be_step_free() {
        var violation = onlyViolation(v -> v.change("edges", 2, "stepFree", true));
        assertThat(violation.message(), is("edge 'stairs' is stairs, which is never step-free"));
    }

    @Test
    void a_room_without_an_entrance_is_refused() {
        var violation = onlyViolation(v -> v.change("rooms", 1, "entrances", List.of()));
        assertThat(violation.field(), is("/rooms/1/entrances"));
        assertThat(violation.message(), containsString("room 'flex' has no entrance"));
    }

    @Test
    void an_entrance_on_another_level_is_refused() {
        var violation = onlyViolation(v -> v.change("rooms", 1, "entrances", List.of("u1")));
        assertThat(violation.message(), is("room 'flex' is on level 'down' but its entrance 'u1' is on level 'up'"));
    }

    @Test
    void rooms_that_cannot_reach_each_other_are_reported_by_name() {
        var violation = onlyViolation(v -> v.change("edges", 2, "oneWay", true));
        assertThat(violation.field(), is("/rooms/1"));
        assertThat(violation.message(), is("room 'theater' cannot be reached from room 'flex'"));
    }

    @Test
    void rooms_on_separate_islands_are_reported_both_ways() {
        Problem problem = assertThrows(Problem.class, () -> VenueValidator.check(
                valid().change("edges", 2, "from", "u2").change("edges", 2, "to", "u1").change("edges", 2, "kind", "corridor")
                        .change("edges", 2, "length", null).document(), Set.of("Theater"), 1000));
        assertThat(problem.violations().stream().map(Problem.Violation::message).toList(), contains(
                "room 'flex' cannot be reached from room 'theater'", "room 'theater' cannot be reached from room 'flex'"));
    }

    @Test
    void a_link_to_a_room_missing_from_the_schedule_is_refused() {
        var violation = onlyViolation(v -> v.change("rooms", 1, "scheduleRoom", "Ballroom"));
        assertThat(violation.field(), is("/rooms/1/scheduleRoom"));
        assertThat(violation.message(), containsString("links to 'Ballroom', which is not a room of this event's schedule"));
    }

    @Test
    void unknown_kinds_and_categories_list_the_allowed_ones() {
        assertThat(onlyViolation(v -> v.change("edges", 0, "kind", "slide")).message(),
                is("edge 'upper' has kind 'slide'; use one of corridor, door, stairs, ramp, elevator, escalator"));
        assertThat(onlyViolation(v -> v.change("pois", 0, "category", "bar")).message(), containsString(
                "has category 'bar'; use one of toilet, accessible-toilet, coffee"));
    }

    @Test
    void two_levels_with_one_ordinal_are_ambiguous() {
        var violation = onlyViolation(v -> v.change("levels", 1, "ordinal", 1));
        assertThat(violation.message(), is("levels 'up' and 'down' both have ordinal 1"));
    }

    @Test
    void a_null_element_is_refused_instead_of_breaking_the_checks() {
        var venue = valid().document();
        var nodes = new java.util.ArrayList<>(venue.nodes());
        nodes.add(1, null);
        var broken = new VenueDocument(null, null, venue.levels(), nodes, venue.rooms(), venue.pois(), venue.edges());

        Problem problem = assertThrows(Problem.class, () -> VenueValidator.check(broken, Set.of("Theater"), 1000));

        assertThat(problem.violations().get(0).field(), is("/nodes/1"));
    }

    @Test
    void several_problems_are_all_listed() {
        Problem problem = assertThrows(Problem.class, () -> VenueValidator.check(valid().change("edges", 0, "to", "x")
                .change("edges", 1, "length", -1.0).document(), Set.of(), 1000));
        assertThat(problem.violations(), hasSize(3)); // and the Theater's link, as this schedule has no rooms
        assertThat(problem.getMessage(), startsWith("The venue has 3 problems; the first: "));
    }

    @Test
    void the_demo_venue_is_valid_and_routes_both_ways() throws IOException {
        String sql;
        try (var in = getClass().getResourceAsStream("/db/demo/afterMigrate__3_demo_venue.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var document = new ObjectMapper().findAndRegisterModules()
                .readValue(sql.split("\\$json\\$")[1], VenueDocument.class);
        VenueValidator.check(document, Set.of("Theater", "Flex Space"), 1000);
        var graph = new VenueGraph(1, document, VenueBuilder.SPEEDS);
        var at = Instant.parse("2024-11-10T16:00:00Z").toEpochMilli();

        var walking = Routing.route(graph, "theater", "flex-space",
                new Router.Options(WalkingProfile.WALK, EnumSet.noneOf(EdgeKind.class), 300, at));
        var rolling = Routing.route(graph, "entrance", "theater",
                new Router.Options(WalkingProfile.STEP_FREE, EnumSet.noneOf(EdgeKind.class), 300, at));

        var kinds = walking.legs().stream().flatMap(l -> l.steps().stream()).map(RouteView.Step::kind).toList();
        assertThat(kinds, hasItem("stairs"));
        assertThat(walking.legs().get(0).steps().stream().map(RouteView.Step::instruction).toList(),
                hasItem("Take the stairs down to Downstairs (level 0)"));
        var rollingKinds = rolling.legs().stream().flatMap(l -> l.steps().stream()).map(RouteView.Step::kind).toList();
        assertThat(rollingKinds, both(hasItem("elevator")).and(not(hasItem("stairs"))));
    }
}
