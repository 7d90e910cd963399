package io.hallway.venue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.hallway.common.WireEnum;

/**
 * One version of a venue compiled for routing: nodes and directed arcs in flat arrays (compressed sparse
 * rows), so a route touches no collections and allocates little. Immutable; replaced as a whole when
 * the stored version changes.
 */
final class VenueGraph {

    /** A room or point of interest with the nodes where one enters it. */
    record Place(String id, String name, boolean room, PoiCategory category, boolean accessible, int level,
            int[] entrances, Double x, Double y) {
    }

    record Level(String id, String name, int ordinal) {
    }

    final long version;
    final VenueDocument document;
    final double walk;
    final double slow;
    final double fast;
    final double stepFree;

    final List<Level> levels;
    final String[] nodeIds;
    final double[] x;
    final double[] y;
    final int[] nodeLevel;
    final String[] landmark;
    final Map<String, Integer> nodeIndex;

    final String[] edgeIds;
    final EdgeKind[] edgeKind;
    final double[] edgeLength;
    final double[] edgeExtra;
    final boolean[] edgeStepFree;
    /** Epoch millis until which the edge is closed: Long.MIN_VALUE when open, Long.MAX_VALUE when closed indefinitely. */
    final long[] closedUntil;
    final String[] edgeHint;

    /** Arcs leaving node n are arcStart[n] until arcStart[n + 1]; each goes to arcTo and runs along arcEdge. */
    final int[] arcStart;
    final int[] arcTo;
    final int[] arcEdge;

    /** Seconds per edge for each profile (indexed by ordinal), computed once instead of per arc and route. */
    final double[][] profileSeconds;
    /**
     * Per profile, the fewest seconds any edge takes per metre of plan distance it covers: times plan
     * distance, a lower bound on the time to any target, which makes the A* heuristic admissible.
     */
    final double[] secondsPerPlanMetre;
    final boolean anyClosed;

    final Map<String, Place> places;
    final Map<PoiCategory, List<Place>> byCategory;
    final Map<String, Place> byScheduleRoom;

    VenueGraph(long version, VenueDocument venue, VenueConfig.Speeds defaults) {
        this.version = version;
        this.document = venue;
        var speeds = venue.speeds() == null ? new VenueDocument.Speeds(null, null, null, null) : venue.speeds();
        walk = speeds.walk() == null ? defaults.walk() : speeds.walk();
        slow = speeds.slow() == null ? defaults.slow() : speeds.slow();
        fast = speeds.fast() == null ? defaults.fast() : speeds.fast();
        stepFree = speeds.stepFree() == null ? defaults.stepFree() : speeds.stepFree();

        levels = venue.levels().stream().map(l -> new Level(l.id(), l.name(), l.ordinal()))
                .sorted(Comparator.comparingInt(Level::ordinal)).toList();
        Map<String, Integer> levelIndex = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            levelIndex.put(levels.get(i).id(), i);
        }

        var nodes = orEmpty(venue.nodes());
        int n = nodes.size();
        nodeIds = new String[n];
        x = new double[n];
        y = new double[n];
        nodeLevel = new int[n];
        landmark = new String[n];
        nodeIndex = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            var node = nodes.get(i);
            nodeIds[i] = node.id();
            x[i] = node.x();
            y[i] = node.y();
            nodeLevel[i] = levelIndex.get(node.level());
            landmark[i] = node.landmark();
            nodeIndex.put(node.id(), i);
        }

        var edges = orEmpty(venue.edges());
        int m = edges.size();
        edgeIds = new String[m];
        edgeKind = new EdgeKind[m];
        edgeLength = new double[m];
        edgeExtra = new double[m];
        edgeStepFree = new boolean[m];
        closedUntil = new long[m];
        edgeHint = new String[m];
        int[] from = new int[m];
        int[] to = new int[m];
        int[] degree = new int[n + 1];
        for (int e = 0; e < m; e++) {
            var edge = edges.get(e);
            edgeIds[e] = edge.id();
            edgeKind[e] = WireEnum.parse(EdgeKind.class, edge.kind());
            from[e] = nodeIndex.get(edge.from());
            to[e] = nodeIndex.get(edge.to());
            edgeLength[e] = edge.length() != null ? edge.length() : Math.hypot(x[to[e]] - x[from[e]], y[to[e]] - y[from[e]]);
            edgeExtra[e] = edge.extraSeconds() == null ? 0 : edge.extraSeconds();
            edgeStepFree[e] = !edgeKind[e].hasSteps() && !Boolean.FALSE.equals(edge.stepFree());
            closedUntil[e] = !Boolean.TRUE.equals(edge.closed()) ? Long.MIN_VALUE
                    : edge.closedUntil() == null ? Long.MAX_VALUE : edge.closedUntil().toEpochMilli();
            edgeHint[e] = edge.hint();
            degree[from[e]]++;
            if (!Boolean.TRUE.equals(edge.oneWay())) {
                degree[to[e]]++;
            }
        }
        profileSeconds = new double[WalkingProfile.values().length][m];
        secondsPerPlanMetre = new double[WalkingProfile.values().length];
        for (WalkingProfile profile : WalkingProfile.values()) {
            double fewest = Double.POSITIVE_INFINITY;
            for (int e = 0; e < m; e++) {
                double seconds = seconds(e, speed(profile));
                profileSeconds[profile.ordinal()][e] = seconds;
                double plan = Math.hypot(x[to[e]] - x[from[e]], y[to[e]] - y[from[e]]);
                if (plan > 0) {
                    fewest = Math.min(fewest, seconds / plan);
                }
            }
            secondsPerPlanMetre[profile.ordinal()] = Double.isInfinite(fewest) ? 0 : fewest;
        }
        anyClosed = Arrays.stream(closedUntil).anyMatch(until -> until != Long.MIN_VALUE);
        arcStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            arcStart[i + 1] = arcStart[i] + degree[i];
        }
        arcTo = new int[arcStart[n]];
        arcEdge = new int[arcStart[n]];
        int[] fill = Arrays.copyOf(arcStart, n);
        for (int e = 0; e < m; e++) {
            arcTo[fill[from[e]]] = to[e];
            arcEdge[fill[from[e]]++] = e;
            if (!Boolean.TRUE.equals(edges.get(e).oneWay())) {
                arcTo[fill[to[e]]] = from[e];
                arcEdge[fill[to[e]]++] = e;
            }
        }

        places = new HashMap<>();
        byCategory = new HashMap<>();
        byScheduleRoom = new HashMap<>();
        for (var room : orEmpty(venue.rooms())) {
            var place = new Place(room.id(), room.name(), true, null, true, levelIndex.get(room.level()),
                    entrances(room.entrances()), room.x(), room.y());
            places.put(room.id(), place);
            if (room.scheduleRoom() != null) {
                byScheduleRoom.put(room.scheduleRoom(), place);
            }
        }
        for (var poi : orEmpty(venue.pois())) {
            var category = WireEnum.parse(PoiCategory.class, poi.category());
            boolean accessible = poi.accessible() != null ? poi.accessible() : category == PoiCategory.ACCESSIBLE_TOILET;
            var place = new Place(poi.id(), poi.name(), false, category, accessible, levelIndex.get(poi.level()),
                    entrances(poi.entrances()), poi.x(), poi.y());
            places.put(poi.id(), place);
            byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(place);
        }
    }

    int nodeCount() {
        return nodeIds.length;
    }

    double speed(WalkingProfile profile) {
        return switch (profile) {
            case WALK -> walk;
            case SLOW -> slow;
            case FAST -> fast;
            case STEP_FREE -> stepFree;
        };
    }

    /**
     * Seconds to traverse an edge. Corridors, doors and ramps go at the walker's speed; stairs at half of
     * it (steps and landings); escalators and elevators at their own pace, whoever rides them.
     */
    double seconds(int edge, double speed) {
        double length = edgeLength[edge];
        double moving = switch (edgeKind[edge]) {
            case STAIRS -> length / (speed * 0.5);
            case ESCALATOR -> length / 0.5;
            case ELEVATOR -> length / 1.0;
            default -> length / speed;
        };
        return moving + edgeExtra[edge];
    }

    boolean closedAt(int edge, long epochMillis) {
        return epochMillis < closedUntil[edge];
    }

    Optional<Instant> closedUntil(int edge) {
        long until = closedUntil[edge];
        return until == Long.MIN_VALUE || until == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(until));
    }

    Level level(int node) {
        return levels.get(nodeLevel[node]);
    }

    private int[] entrances(List<String> ids) {
        return ids.stream().mapToInt(nodeIndex::get).distinct().toArray();
    }

    private static <T> List<T> orEmpty(List<T> items) {
        return items == null ? List.of() : items;
    }
}
