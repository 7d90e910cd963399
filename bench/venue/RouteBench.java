package io.hallway.venue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Generated venues for bench/route.sh, and the route computation timed alone (no HTTP, no JSON). Lives in
 * the venue package to reach the package-private router; compiled against target/classes by the script.
 *
 *   RouteBench json NODES LEVELS FILE   writes a venue document, prints "FROM TO" (a far-apart pair of rooms)
 *   RouteBench measure NODES LEVELS     prints p50 and p99 of Router alone and of Routing (with directions)
 *
 * The venue: per level a grid of corridors 3 m apart, every column whole, rows kept at random (a maze of
 * dead ends and detours), a tenth of the ways doors; three staircases and an elevator between neighbouring
 * levels; twenty rooms and four toilets per level. Seeded, so every run builds the same venue.
 */
public class RouteBench {

    record Venue(VenueDocument document, List<String> rooms) {
    }

    /** The service defaults (hallway.venue.speed.*). */
    static final VenueConfig.Speeds SPEEDS = new VenueConfig.Speeds() {
        public double walk() {
            return 1.2;
        }

        public double slow() {
            return 0.8;
        }

        public double fast() {
            return 1.5;
        }

        public double stepFree() {
            return 1.0;
        }
    };

    public static void main(String[] args) throws Exception {
        int nodes = Integer.parseInt(args[1]);
        int levels = Integer.parseInt(args[2]);
        Venue venue = generate(nodes, levels);
        switch (args[0]) {
            case "json" -> {
                Files.writeString(Path.of(args[3]), new ObjectMapper().writeValueAsString(venue.document()));
                System.out.println(venue.rooms().get(0) + " " + venue.rooms().get(venue.rooms().size() - 1));
            }
            case "measure" -> measure(venue, nodes, levels);
            default -> throw new IllegalArgumentException("json NODES LEVELS FILE | measure NODES LEVELS");
        }
    }

    static Venue generate(int total, int levelCount) {
        var random = new Random(42);
        int side = (int) Math.ceil(Math.sqrt((double) total / levelCount));
        var levels = new ArrayList<VenueDocument.Level>();
        var nodes = new ArrayList<VenueDocument.Node>();
        var edges = new ArrayList<VenueDocument.Edge>();
        var rooms = new ArrayList<VenueDocument.Room>();
        var pois = new ArrayList<VenueDocument.Poi>();
        for (int level = 0; level < levelCount; level++) {
            String levelId = "L" + level;
            levels.add(new VenueDocument.Level(levelId, "Level " + level, level));
            for (int i = 0; i < side; i++) {
                for (int j = 0; j < side; j++) {
                    nodes.add(new VenueDocument.Node(id(level, i, j), levelId, i * 3.0, j * 3.0,
                            random.nextInt(20) == 0 ? "sign " + i + "/" + j : null));
                    if (j > 0) {
                        edges.add(way(edges.size(), id(level, i, j - 1), id(level, i, j), random));
                    }
                    if (i > 0 && (j == 0 || random.nextBoolean())) {
                        edges.add(way(edges.size(), id(level, i - 1, j), id(level, i, j), random));
                    }
                }
            }
            for (int r = 0; r < 20; r++) {
                String entrance = id(level, random.nextInt(side), random.nextInt(side));
                rooms.add(new VenueDocument.Room("room-" + level + "-" + r, "Room " + level + "." + r, levelId,
                        List.of(entrance), null, null, null));
            }
            for (int t = 0; t < 4; t++) {
                String entrance = id(level, random.nextInt(side), random.nextInt(side));
                pois.add(new VenueDocument.Poi("wc-" + level + "-" + t, "Toilets", t == 0 ? "accessible-toilet" : "toilet",
                        levelId, List.of(entrance), null, null, null));
            }
            if (level > 0) {
                for (int s = 0; s < 3; s++) {
                    int i = random.nextInt(side);
                    int j = random.nextInt(side);
                    edges.add(new VenueDocument.Edge("e" + edges.size(), id(level - 1, i, j), id(level, i, j), "stairs",
                            8.0, null, null, null, null, null, null));
                }
                edges.add(new VenueDocument.Edge("e" + edges.size(), id(level - 1, side / 2, side / 2),
                        id(level, side / 2, side / 2), "elevator", 4.0, null, null, 20.0, null, null, null));
            }
        }
        // Rooms are listed level by level: the first is on the lowest level, the last on the highest.
        var document = new VenueDocument(null, null, levels, nodes, rooms, pois, edges);
        return new Venue(document, rooms.stream().map(VenueDocument.Room::id).toList());
    }

    private static VenueDocument.Edge way(int index, String from, String to, Random random) {
        boolean door = random.nextInt(10) == 0;
        return new VenueDocument.Edge("e" + index, from, to, door ? "door" : "corridor", null, null, null,
                door ? 2.0 : null, null, null, null);
    }

    private static String id(int level, int i, int j) {
        return "n" + level + "-" + i + "-" + j;
    }

    static void measure(Venue venue, int nodes, int levels) {
        VenueValidator.check(venue.document(), Set.of(), 1_000_000);
        var graph = new VenueGraph(1, venue.document(), SPEEDS);
        var options = new Router.Options(WalkingProfile.WALK, EnumSet.noneOf(EdgeKind.class), 300, System.currentTimeMillis());
        var random = new Random(7);
        var rooms = venue.rooms();
        int runs = 20_000;
        String[][] pairs = new String[runs][];
        for (int i = 0; i < runs; i++) {
            pairs[i] = new String[] { rooms.get(random.nextInt(rooms.size())), rooms.get(random.nextInt(rooms.size())) };
        }
        long sink = 0;
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            long[] router = new long[runs];
            long[] full = new long[runs];
            for (int i = 0; i < runs; i++) {
                var from = graph.places.get(pairs[i][0]).entrances();
                var to = graph.places.get(pairs[i][1]).entrances();
                long start = System.nanoTime();
                sink += Router.fastest(graph, from, to, options, Router.Mode.NORMAL).orElseThrow().nodes().length;
                router[i] = System.nanoTime() - start;
                start = System.nanoTime();
                sink += Routing.route(graph, pairs[i][0], pairs[i][1], options).legs().size();
                full[i] = System.nanoTime() - start;
            }
            if (round == 1) {
                System.out.printf("%d nodes %d edges %d levels: router p50 %.3f ms p99 %.3f ms | with directions p50 %.3f ms p99 %.3f ms%n",
                        graph.nodeCount(), graph.edgeIds.length, levels, ms(router, 0.50), ms(router, 0.99), ms(full, 0.50),
                        ms(full, 0.99));
            }
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static double ms(long[] nanos, double quantile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }
}
