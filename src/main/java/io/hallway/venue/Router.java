package io.hallway.venue;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Fastest paths on a {@link VenueGraph}: A* over travel time (Dijkstra when the heuristic would not pay)
 * from any of several start nodes to the first of several target nodes it settles, which is also how
 * "the nearest toilet" is found. The heuristic is consistent, so the first target settled is the nearest.
 */
final class Router {

    /** What the search may use: normally neither closed edges nor, for step-free, edges with steps. */
    enum Mode {
        NORMAL, ALLOW_CLOSED, ALLOW_CLOSED_AND_STEPS
    }

    record Options(WalkingProfile profile, Set<EdgeKind> avoid, double avoidPenaltySeconds, long atEpochMillis) {
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
        boolean stepFreeOnly = options.profile() == WalkingProfile.STEP_FREE && mode != Mode.ALLOW_CLOSED_AND_STEPS;
        boolean checkClosed = mode == Mode.NORMAL && graph.anyClosed;
        boolean avoiding = !options.avoid().isEmpty();
        double[] seconds = graph.profileSeconds[options.profile().ordinal()];
        // A* towards the nearest target on the plan; with many targets (a category) plain Dijkstra is cheaper.
        double perMetre = targets.length <= 8 ? graph.secondsPerPlanMetre[options.profile().ordinal()] : 0;

        Workspace work = WORKSPACE.get().reset(graph.nodeCount());
        for (int source : sources) {
            work.reach(source, 0, -1, -1);
            work.heap.push(estimate(graph, source, targets, perMetre), source);
        }
        while (!work.heap.isEmpty()) {
            int node = work.heap.pop();
            if (work.isDone(node)) {
                continue;
            }
            work.done(node);
            if (Arrays.binarySearch(sortedTargets, node) >= 0) {
                return Optional.of(path(graph, node, work, options.profile()));
            }
            double settled = work.cost[node];
            for (int arc = graph.arcStart[node]; arc < graph.arcStart[node + 1]; arc++) {
                int edge = graph.arcEdge[arc];
                if (stepFreeOnly && !graph.edgeStepFree[edge]
                        || checkClosed && graph.closedAt(edge, options.atEpochMillis())) {
                    continue;
                }
                double next = settled + seconds[edge];
                if (avoiding && options.avoid().contains(graph.edgeKind[edge])) {
                    next += options.avoidPenaltySeconds();
                }
                int to = graph.arcTo[arc];
                if (next < work.costOf(to)) {
                    work.reach(to, next, edge, node);
                    work.heap.push(next + estimate(graph, to, targets, perMetre), to);
                }
            }
        }
        return Optional.empty();
    }

    /** A lower bound on the seconds from a node to the nearest target: plan distance at the cheapest rate. */
    private static double estimate(VenueGraph graph, int node, int[] targets, double perMetre) {
        if (perMetre == 0) {
            return 0;
        }
        double nearest = Double.POSITIVE_INFINITY;
        for (int target : targets) {
            nearest = Math.min(nearest, Math.hypot(graph.x[node] - graph.x[target], graph.y[node] - graph.y[target]));
        }
        return nearest * perMetre;
    }

    /** Walks the predecessors back from the target; times are recomputed without avoidance penalties. */
    private static Path path(VenueGraph graph, int target, Workspace work, WalkingProfile profile) {
        int[] viaEdge = work.viaEdge;
        int[] viaNode = work.viaNode;
        double speed = graph.speed(profile);
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

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /**
     * Per-thread search arrays, reused across routes: a generation stamp marks which entries belong to
     * the current search, so nothing is cleared or allocated per route once the arrays are big enough.
     */
    private static final class Workspace {
        double[] cost = new double[0];
        int[] viaEdge = new int[0];
        int[] viaNode = new int[0];
        int[] reached = new int[0];
        int[] settled = new int[0];
        int generation;
        final Heap heap = new Heap(256);

        Workspace reset(int nodes) {
            if (cost.length < nodes) {
                cost = new double[nodes];
                viaEdge = new int[nodes];
                viaNode = new int[nodes];
                reached = new int[nodes];
                settled = new int[nodes];
                generation = 0;
            }
            if (++generation == Integer.MAX_VALUE) {
                Arrays.fill(reached, 0);
                Arrays.fill(settled, 0);
                generation = 1;
            }
            heap.clear();
            return this;
        }

        double costOf(int node) {
            return reached[node] == generation ? cost[node] : Double.POSITIVE_INFINITY;
        }

        void reach(int node, double seconds, int edge, int from) {
            reached[node] = generation;
            cost[node] = seconds;
            viaEdge[node] = edge;
            viaNode[node] = from;
        }

        boolean isDone(int node) {
            return settled[node] == generation;
        }

        void done(int node) {
            settled[node] = generation;
        }
    }

    /** A binary min-heap of (estimate, node) with lazy deletion: settled nodes are skipped when popped. */
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

        void clear() {
            size = 0;
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
