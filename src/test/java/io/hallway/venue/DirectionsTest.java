package io.hallway.venue;

import static io.hallway.venue.VenueBuilder.venue;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DirectionsTest {

    private static List<RouteView.Step> steps(VenueBuilder venue, String from, String to) {
        var route = Routing.route(venue.graph(), from, to, new Router.Options(WalkingProfile.WALK,
                EnumSet.noneOf(EdgeKind.class), 300, Instant.parse("2024-11-10T16:00:00Z").toEpochMilli()));
        return route.legs().stream().flatMap(leg -> leg.steps().stream()).toList();
    }

    /** Walk east from A(0,0) to B(10,0), then on to C; y grows towards the top of the plan. */
    @ParameterizedTest(name = "turning towards ({0}, {1}) is {2}")
    @CsvSource({
            "20, 0.5, straight",
            "10, 10, left",
            "10, -10, right",
            "20, 6, slight-left",
            "20, -6, slight-right",
            "2, 6, sharp-left",
            "2, -6, sharp-right",
            "1, 0.5, u-turn",
            "1, -0.5, u-turn" })
    void the_turn_follows_the_change_of_bearing(double cx, double cy, String turn) {
        var venue = venue().level("g", "Ground", 0).node("A", 0, 0).node("B", 10, 0).node("C", cx, cy)
                .edge("ab", "A", "B", "corridor").edge("bc", "B", "C", "door");

        var steps = steps(venue, "A", "C");

        assertThat(steps.get(1).turn(), is(turn));
    }

    @Test
    void a_left_turn_at_a_landmark_is_spelled_out() {
        var venue = venue().level("g", "Ground", 0).node("A", 0, 0).node("B", 10, 0, "the red curtain").node("C", 10, 8)
                .edge("ab", "A", "B", "corridor").edge("bc", "B", "C", "corridor");

        var steps = steps(venue, "A", "C");

        assertThat(steps.get(0).instruction(), is("Walk 10 m"));
        assertThat(steps.get(1).instruction(), is("Turn left at the red curtain and walk 8 m"));
        assertThat(steps.get(1).turn(), is("left"));
    }

    @Test
    void a_u_turn_and_a_right_turn_read_as_such() {
        var venue = venue().level("g", "Ground", 0).node("A", 0, 0).node("B", 10, 0).node("C", 1, 0.3).node("D", 1, 9.3)
                .edge("ab", "A", "B", "corridor").edge("bc", "B", "C", "corridor").edge("cd", "C", "D", "corridor");

        var steps = steps(venue, "A", "D");

        assertThat(steps.get(1).instruction(), is("Turn around and walk 9 m"));
        assertThat(steps.get(2).instruction(), is("Turn right and walk 9 m"));
    }

    @Test
    void straight_edges_of_one_kind_merge_into_one_step() {
        var venue = venue().level("g", "Ground", 0).node("A", 0, 0).node("B", 10, 0).node("C", 22, 1).node("D", 22, 4)
                .edge("ab", "A", "B", "corridor", "hint", "Past the posters").edge("bc", "B", "C", "corridor")
                .edge("cd", "C", "D", "door", "extraSeconds", 4.0);

        var steps = steps(venue, "A", "D");

        assertThat(steps.stream().map(RouteView.Step::kind).toList(), contains("corridor", "door", "arrive"));
        assertThat(steps.get(0).distance(), is(22.0));
        assertThat(steps.get(0).toNode(), is("C"));
        assertThat(steps.get(0).hint(), is("Past the posters"));
        assertThat(steps.get(1).instruction(), is("Turn left and go through the door"));
        assertThat(steps.get(1).duration(), is(7L)); // 3 m at 1.2 m/s plus 4 s for the door
    }

    @Test
    void the_arrival_says_on_which_side_the_room_is() {
        var onTheRight = venue().level("g", "Ground", 0).node("A", 0, 0).node("B", 10, 0)
                .edge("ab", "A", "B", "corridor").room("theater", "Theater", "g", "B", "x", 10.0, "y", -6.0);
        var onTheLeft = venue().level("g", "Ground", 0).node("A", 0, 0).node("B", 10, 0)
                .edge("ab", "A", "B", "corridor").room("theater", "Theater", "g", "B", "x", 11.0, "y", 6.0);
        var unplaced = venue().level("g", "Ground", 0).node("A", 0, 0).node("B", 10, 0)
                .edge("ab", "A", "B", "corridor").room("theater", "Theater", "g", "B");

        assertThat(steps(onTheRight, "A", "theater").get(1).instruction(), is("The Theater is on your right"));
        assertThat(steps(onTheRight, "A", "theater").get(1).turn(), is("right"));
        assertThat(steps(onTheLeft, "A", "theater").get(1).instruction(), is("The Theater is on your left"));
        assertThat(steps(unplaced, "A", "theater").get(1).instruction(), is("You have arrived at the Theater"));
    }

    @Test
    void a_route_to_where_one_stands_is_a_single_arrival() {
        var venue = venue().level("g", "Ground", 0).node("A", 0, 0).node("B", 10, 0).edge("ab", "A", "B", "corridor")
                .room("theater", "Theater", "g", "A");

        var steps = steps(venue, "A", "theater");

        assertThat(steps.size(), is(1));
        assertThat(steps.get(0).instruction(), is("You are at the Theater"));
    }
}
