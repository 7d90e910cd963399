package io.hallway.venue;

import static io.hallway.venue.VenueBuilder.venue;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.PriorityQueue;
import java.util.Random;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The A* shortcut must never change the answer: compared with a textbook Dijkstra on random mazes. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RouterOptimalityTest {

    @Test
    void a_star_finds_routes_as_fast_as_plain_dijkstra_on_random_two_level_mazes() {
        var random = new Random(11);
        for (int maze = 0; maze < 20; maze++) {
            var builder = venue();
            for (int level = 0; level < 2; level++) {
                builder.level("L" + level, "Level " + level, level);
                for (int i = 0; i < 8; i++) {
                    for (int j = 0; j < 8; j++) {
                        builder.node(level + "-" + i + "-" + j, i * 4 + random.nextDouble(), j * 4 + random.nextDouble());
                        if (j > 0) {
                            builder.edge("v" + level + i + j, level + "-" + i + "-" + (j - 1), level + "-" + i + "-" + j,
                                    random.nextInt(5) == 0 ? "door" : "corridor", "extraSeconds", random.nextInt(3) * 1.0);
                        }
                        if (i > 0 && random.nextBoolean()) {
                            builder.edge("h" + level + i + j, level + "-" + (i - 1) + "-" + j, level + "-" + i + "-" + j,
                                    "corridor");
                        }
                    }
                }
            }
            builder.edge("stairs", "0-1-1", "1-6-6", "stairs", "length", 5.0)
                    .edge("lift", "0-7-0", "1-0-7", "elevator", "length", 3.0, "extraSeconds", 15.0);
            VenueGraph graph = builder.graph();
            for (WalkingProfile profile : WalkingProfile.values()) {
                var options = new Router.Options(profile, EnumSet.noneOf(EdgeKind.class), 300, 0);
                for (int pair = 0; pair < 10; pair++) {
                    int from = random.nextInt(graph.nodeCount());
                    int to = random.nextInt(graph.nodeCount());
                    double expected = dijkstra(graph, from, to, profile);
                    double actual = Router.fastest(graph, new int[] { from }, new int[] { to }, options, Router.Mode.NORMAL)
                            .map(Router.Path::seconds).orElse(Double.POSITIVE_INFINITY);
                    if (Double.isInfinite(expected)) {
                        assertThat(actual, org.hamcrest.Matchers.is(Double.POSITIVE_INFINITY));
                    } else {
                        assertThat(actual, closeTo(expected, 1e-9));
                    }
                }
            }
        }
    }

    private static double dijkstra(VenueGraph graph, int from, int to, WalkingProfile profile) {
        double[] cost = new double[graph.nodeCount()];
        Arrays.fill(cost, Double.POSITIVE_INFINITY);
        cost[from] = 0;
        var queue = new PriorityQueue<double[]>((a, b) -> Double.compare(a[0], b[0]));
        queue.add(new double[] { 0, from });
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int node = (int) top[1];
            if (top[0] > cost[node]) {
                continue;
            }
            for (int arc = graph.arcStart[node]; arc < graph.arcStart[node + 1]; arc++) {
                int edge = graph.arcEdge[arc];
                if (profile == WalkingProfile.STEP_FREE && !graph.edgeStepFree[edge]) {
                    continue;
                }
                double next = cost[node] + graph.seconds(edge, graph.speed(profile));
                if (next < cost[graph.arcTo[arc]]) {
                    cost[graph.arcTo[arc]] = next;
                    queue.add(new double[] { next, graph.arcTo[arc] });
                }
            }
        }
        return cost[to];
    }
}
