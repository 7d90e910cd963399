package io.hallway.venue;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Fastest paths on a {@link VenueGraph}: Dijkstra over travel time from any of several start nodes to
 * the first of several target nodes it settles, which is also how "the nearest toilet" is found.
 */
final class Router {

    /** What the search may use: normally neither closed edges nor, for step-free, edges with steps. */
    enum Mode {
        NORMAL, ALLOW_CLOSED, ALLOW_CLOSED_AND_STEPS
    }

    record Options(Profile profile, Set<EdgeKind> avoid, double avoidPenaltySeconds, long atEpochMillis) {
    }

    /** A path as node indices and the edges between them (edges.length == nodes.length - 1). */
    record Path(int[] nodes, int[] edges, double seconds, double metres) {

        int target() {
            return nodes[nodes.length - 1];
        }
    }

    private Router() {
    }

    static Optional<Path> fastest(VenueGraph graph, int[] sources, int[] targets, Options options, Mode mode) {
        int[] sortedTargets = targets.clone();
        Arrays.sort(sortedTargets);
        int n = graph.nodeCount();
        double speed = graph.speed(options.profile());
        boolean stepFreeOnly = options.profile() == Profile.STEP_FREE && mode != Mode.ALLOW_CLOSED_AND_STEPS;
        boolean closedAllowed = mode != Mode.NORMAL;

        double[] cost = new double[n];
        Arrays.fill(cost, Double.POSITIVE_INFINITY);
        int[] viaEdge = new int[n];
        int[] viaNode = new int[n];
        var queue = new Heap(64);
        for (int source : sources) {
            cost[source] = 0;
            viaEdge[source] = -1;
            queue.push(0, source);
        }
        while (!queue.isEmpty()) {
            double settled = queue.topKey();
            int node = queue.pop();
            if (settled > cost[node]) {
                continue;
            }
            if (Arrays.binarySearch(sortedTargets, node) >= 0) {
                return Optional.of(path(graph, node, viaEdge, viaNode, speed));
            }
            for (int arc = graph.arcStart[node]; arc < graph.arcStart[node + 1]; arc++) {
                int edge = graph.arcEdge[arc];
                if (stepFreeOnly && !graph.edgeStepFree[edge]
                        || !closedAllowed && graph.closedAt(edge, options.atEpochMillis())) {
                    continue;
                }
                double next = settled + graph.seconds(edge, speed);
                if (options.avoid().contains(graph.edgeKind[edge])) {
                    next += options.avoidPenaltySeconds();
                }
                int to = graph.arcTo[arc];
                if (next < cost[to]) {
                    cost[to] = next;
                    viaEdge[to] = edge;
                    viaNode[to] = node;
                    queue.push(next, to);
                }
            }
        }
        return Optional.empty();
    }

    /** Walks the predecessors back from the target; times are recomputed without avoidance penalties. */
    private static Path path(VenueGraph graph, int target, int[] viaEdge, int[] viaNode, double speed) {
        int length = 0;
        for (int node = target; viaEdge[node] >= 0; node = viaNode[node]) {
            length++;
        }
        int[] nodes = new int[length + 1];
        int[] edges = new int[length];
        int node = target;
        for (int i = length; i > 0; i--) {
            nodes[i] = node;
            edges[i - 1] = viaEdge[node];
            node = viaNode[node];
        }
        nodes[0] = node;
        double seconds = 0;
        double metres = 0;
        for (int edge : edges) {
            seconds += graph.seconds(edge, speed);
            metres += graph.edgeLength[edge];
        }
        return new Path(nodes, edges, seconds, metres);
    }

    /** A binary min-heap of (cost, node) with lazy deletion: stale entries are skipped when popped. */
    private static final class Heap {
        private double[] keys;
        private int[] values;
        private int size;

        Heap(int capacity) {
            keys = new double[capacity];
            values = new int[capacity];
        }

        boolean isEmpty() {
            return size == 0;
        }

        double topKey() {
            return keys[0];
        }

        void push(double key, int value) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (keys[parent] <= key) {
                    break;
                }
                keys[i] = keys[parent];
                values[i] = values[parent];
                i = parent;
            }
            keys[i] = key;
            values[i] = value;
        }

        int pop() {
            int top = values[0];
            size--;
            double key = keys[size];
            int value = values[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (key <= keys[child]) {
                    break;
                }
                keys[i] = keys[child];
                values[i] = values[child];
                i = child;
            }
            keys[i] = key;
            values[i] = value;
            return top;
        }
    }
}
