package io.hallway.venue;

import static io.hallway.venue.VenueBuilder.venue;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.hallway.common.Problem;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RouterTest {

    private static final Instant NOW = Instant.parse("2024-11-10T16:00:00Z");

    /** A square with a slow diagonal: A-B-C is 20 m, A-D-C about 21.05 m, the diagonal A-C 25 m. */
    private static VenueBuilder square() {
        return venue().level("g", "Ground", 0)
                .node("A", 0, 0).node("B", 10, 0).node("C", 10, 10).node("D", 0, 11)
                .edge("ac", "A", "C", "corridor", "length", 25.0)
                .edge("ab", "A", "B", "corridor").edge("bc", "B", "C", "corridor")
                .edge("ad", "A", "D", "corridor").edge("dc", "D", "C", "corridor");
    }

    /** Theater upstairs, Flex Space downstairs: 6 m of stairs at one end, a 4 m elevator with a 20 s wait at the other. */
    private static VenueBuilder twoLevels(boolean withElevator) {
        var venue = venue().level("up", "Theater level", 1).node("u1", 0, 0).node("u2", 10, 0)
                .level("down", "Flex Space", 0).node("d1", 0, 0).node("d2", 10, 0)
                .room("theater", "Theater", "up", "u1").room("flex", "Flex Space", "down", "d1")
                .edge("upper", "u1", "u2", "corridor").edge("lower", "d1", "d2", "corridor")
                .edge("stairs", "u1", "d1", "stairs", "length", 6.0);
        return withElevator ? venue.edge("lift", "u2", "d2", "elevator", "length", 4.0, "extraSeconds", 20.0) : venue;
    }

    private static RouteView route(VenueGraph graph, String from, String to, WalkingProfile profile, EdgeKind... avoid) {
        var avoided = avoid.length == 0 ? EnumSet.noneOf(EdgeKind.class) : EnumSet.copyOf(List.of(avoid));
        return Routing.route(graph, from, to, new Router.Options(profile, avoided, 300, NOW.toEpochMilli()));
    }

    private static List<String> nodes(RouteView route) {
        return route.path().stream().map(RouteView.PathPoint::node).toList();
    }

    private static List<RouteView.Step> steps(RouteView route) {
        return route.legs().stream().flatMap(leg -> leg.steps().stream()).toList();
    }

    @Test
    void the_fastest_route_takes_the_shortest_corridors() {
        var route = route(square().graph(), "A", "C", WalkingProfile.WALK);

        assertThat(nodes(route), contains("A", "B", "C"));
        assertThat(route.distance(), is(20.0));
        assertThat(route.duration(), is(17L)); // 20 m at 1.2 m/s
        assertThat(route.warnings(), empty());
    }

    @Test
    void a_slower_profile_takes_longer_on_the_same_way() {
        var route = route(square().graph(), "A", "C", WalkingProfile.SLOW);

        assertThat(nodes(route), contains("A", "B", "C"));
        assertThat(route.duration(), is(25L)); // 20 m at 0.8 m/s
    }

    @Test
    void a_one_way_edge_is_used_only_in_its_direction() {
        var graph = square().change("edges", 1, "from", "B").change("edges", 1, "to", "A")
                .change("edges", 1, "oneWay", true).graph();

        assertThat(nodes(route(graph, "A", "C", WalkingProfile.WALK)), contains("A", "D", "C"));
        assertThat(nodes(route(graph, "C", "A", WalkingProfile.WALK)), contains("C", "B", "A"));
    }

    @Test
    void a_closed_edge_is_never_used_until_it_reopens() {
        var closed = square().change("edges", 1, "closed", true).graph();
        var closedUntilLater = square().change("edges", 1, "closed", true)
                .change("edges", 1, "closedUntil", NOW.plusSeconds(600).toString()).graph();
        var reopened = square().change("edges", 1, "closed", true)
                .change("edges", 1, "closedUntil", NOW.minusSeconds(1).toString()).graph();

        assertThat(nodes(route(closed, "A", "C", WalkingProfile.WALK)), contains("A", "D", "C"));
        assertThat(nodes(route(closedUntilLater, "A", "C", WalkingProfile.WALK)), contains("A", "D", "C"));
        assertThat(nodes(route(reopened, "A", "C", WalkingProfile.WALK)), contains("A", "B", "C"));
    }

    @Test
    void when_only_closed_edges_lead_there_the_answer_names_them() {
        var graph = venue().level("g", "Ground", 0).node("A", 0, 0).node("B", 10, 0)
                .edge("hall", "A", "B", "corridor", "closed", true, "closedUntil", "2024-11-10T17:00:00Z").graph();

        Problem problem = problem(() -> route(graph, "A", "B", WalkingProfile.WALK));

        assertThat(problem.status(), is(422));
        assertThat(problem.extensions(), allOf(hasEntry("reason", (Object) "closed"),
                hasEntry("closedEdges", (Object) List.of("hall"))));
        assertThat(problem.getMessage(), containsString("'hall' (closed until 2024-11-10T17:00:00Z)"));
    }

    @Test
    void a_level_change_takes_the_stairs_when_walking_and_says_so() {
        var route = route(twoLevels(true).graph(), "theater", "flex", WalkingProfile.WALK);

        assertThat(nodes(route), contains("u1", "d1"));
        assertThat(route.duration(), is(10L)); // 6 m of stairs at half of 1.2 m/s
        assertThat(route.legs().stream().map(RouteView.Leg::level).toList(), contains("up", "down"));
        var stairs = route.legs().get(0).steps().get(0);
        assertThat(stairs.kind(), is("stairs"));
        assertThat(stairs.instruction(), is("Take the stairs down to Flex Space (level 0)"));
        assertThat(route.legs().get(1).steps().stream().map(RouteView.Step::kind).toList(), contains("arrive"));
        assertThat(route.to().name(), is("Flex Space"));
    }

    @Test
    void step_free_takes_the_elevator_and_never_the_stairs() {
        var route = route(twoLevels(true).graph(), "theater", "flex", WalkingProfile.STEP_FREE);

        assertThat(nodes(route), contains("u1", "u2", "d2", "d1"));
        assertThat(route.distance(), is(24.0));
        assertThat(route.duration(), is(44L)); // 10 m at 1 m/s, 4 m at 1 m/s + 20 s, 10 m at 1 m/s
        assertThat(steps(route).stream().map(RouteView.Step::kind).toList(),
                contains("corridor", "elevator", "corridor", "arrive"));
        assertThat(steps(route).get(1).instruction(), is("Take the elevator down to Flex Space (level 0)"));
        assertThat(steps(route).get(2).turn(), nullValue()); // no bearing carries through an elevator
    }

    @Test
    void going_up_says_up() {
        var route = route(twoLevels(true).graph(), "flex", "theater", WalkingProfile.WALK);

        assertThat(steps(route).get(0).instruction(), is("Take the stairs up to Theater level (level 1)"));
    }

    @Test
    void step_free_fails_clearly_when_only_stairs_lead_there() {
        var graph = twoLevels(false).graph();

        Problem problem = problem(() -> route(graph, "theater", "flex", WalkingProfile.STEP_FREE));

        assertThat(problem.status(), is(422));
        assertThat(problem.extensions(), allOf(hasEntry("reason", (Object) "steps"),
                hasEntry("steppedEdges", (Object) List.of("stairs"))));
        assertThat(problem.getMessage(), containsString("no step-free way from room 'theater' to room 'flex'"));
    }

    @Test
    void an_edge_marked_not_step_free_is_banned_for_step_free_too() {
        var graph = venue().level("g", "Ground", 0).node("A", 0, 0).node("B", 10, 0).node("C", 5, 30)
                .edge("kerb", "A", "B", "corridor", "stepFree", false)
                .edge("detour1", "A", "C", "ramp").edge("detour2", "C", "B", "ramp").graph();

        assertThat(nodes(route(graph, "A", "B", WalkingProfile.WALK)), contains("A", "B"));
        assertThat(nodes(route(graph, "A", "B", WalkingProfile.STEP_FREE)), contains("A", "C", "B"));
    }

    @Test
    void avoiding_stairs_takes_a_slower_elevator_without_a_warning() {
        var route = route(twoLevels(true).graph(), "theater", "flex", WalkingProfile.WALK, EdgeKind.STAIRS);

        assertThat(nodes(route), contains("u1", "u2", "d2", "d1"));
        assertThat(route.duration(), is(41L)); // 10/1.2 + 4/1 + 20 + 10/1.2, without the penalty
        assertThat(route.warnings(), empty());
    }

    @Test
    void avoiding_stairs_still_takes_them_when_there_is_no_other_way_and_warns() {
        var route = route(twoLevels(false).graph(), "theater", "flex", WalkingProfile.WALK, EdgeKind.STAIRS);

        assertThat(nodes(route), contains("u1", "d1"));
        assertThat(route.duration(), is(10L));
        assertThat(route.warnings(), contains("This route takes the stairs: there is no reasonable way around them."));
    }

    /** Toilets 4 m west and 20 m east of "here", an accessible toilet 10 m east. */
    private static VenueGraph toilets() {
        return venue().level("g", "Ground", 0)
                .node("here", 0, 0).node("west", -4, 0).node("east", 10, 0).node("far-east", 20, 0)
                .edge("w", "here", "west", "corridor").edge("e1", "here", "east", "corridor")
                .edge("e2", "east", "far-east", "corridor")
                .poi("wc-west", "toilet", "g", "west").poi("wc-far", "toilet", "g", "far-east")
                .poi("wc-accessible", "accessible-toilet", "g", "east").graph();
    }

    @Test
    void a_category_routes_to_its_nearest_member() {
        var route = route(toilets(), "here", "toilet", WalkingProfile.WALK);

        assertThat(route.to().id(), is("wc-west"));
        assertThat(route.to().category(), is("toilet"));
        assertThat(route.distance(), is(4.0));
    }

    @Test
    void step_free_the_nearest_toilet_is_an_accessible_one() {
        var route = route(toilets(), "here", "toilet", WalkingProfile.STEP_FREE);

        assertThat(route.to().id(), is("wc-accessible"));
        assertThat(route.distance(), is(10.0));
    }

    @Test
    void the_nearest_member_skips_one_behind_a_closed_edge() {
        var graph = venue().level("g", "Ground", 0)
                .node("here", 0, 0).node("west", -4, 0).node("east", 20, 0)
                .edge("w", "here", "west", "corridor", "closed", true).edge("e", "here", "east", "corridor")
                .poi("wc-west", "toilet", "g", "west").poi("wc-east", "toilet", "g", "east").graph();

        assertThat(route(graph, "here", "toilet", WalkingProfile.WALK).to().id(), is("wc-east"));
    }

    @Test
    void an_unknown_place_is_a_clear_bad_request() {
        Problem unknown = problem(() -> route(square().graph(), "nowhere", "C", WalkingProfile.WALK));
        Problem noCoffee = problem(() -> route(square().graph(), "A", "coffee", WalkingProfile.WALK));

        assertThat(unknown.status(), is(400));
        assertThat(unknown.violations().get(0).field(), is("from"));
        assertThat(noCoffee.getMessage(), containsString("no coffee"));
    }

    @Test
    void avoid_names_only_kinds_of_edges() {
        assertThat(Routing.avoid(List.of("stairs,escalators")), is(Set.of(EdgeKind.STAIRS, EdgeKind.ESCALATOR)));
        problem(() -> Routing.avoid(List.of("people")));
    }

    static Problem problem(Executable executable) {
        return assertThrows(Problem.class, executable);
    }
}
