package io.hallway.venue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Venues for tests, written the way an organizer's JSON file reads; as a map for HTTP, or as a graph. */
public final class VenueBuilder {

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

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    private final List<Map<String, Object>> levels = new ArrayList<>();
    private final List<Map<String, Object>> nodes = new ArrayList<>();
    private final List<Map<String, Object>> rooms = new ArrayList<>();
    private final List<Map<String, Object>> pois = new ArrayList<>();
    private final List<Map<String, Object>> edges = new ArrayList<>();
    private String currentLevel;

    static VenueBuilder venue() {
        return new VenueBuilder();
    }

    VenueBuilder level(String id, String name, int ordinal) {
        levels.add(map("id", id, "name", name, "ordinal", ordinal));
        currentLevel = id;
        return this;
    }

    /** A node on the level declared last. */
    VenueBuilder node(String id, double x, double y) {
        nodes.add(map("id", id, "level", currentLevel, "x", x, "y", y));
        return this;
    }

    VenueBuilder node(String id, double x, double y, String landmark) {
        nodes.add(map("id", id, "level", currentLevel, "x", x, "y", y, "landmark", landmark));
        return this;
    }

    VenueBuilder room(String id, String name, String level, String entrance, Object... more) {
        rooms.add(map(merge(new Object[] { "id", id, "name", name, "level", level, "entrances", List.of(entrance) }, more)));
        return this;
    }

    VenueBuilder poi(String id, String category, String level, String entrance, Object... more) {
        pois.add(map(merge(new Object[] { "id", id, "name", id, "category", category, "level", level, "entrances",
                List.of(entrance) }, more)));
        return this;
    }

    /** An edge with any further fields as name/value pairs: "length", 8.0, "oneWay", true, ... */
    VenueBuilder edge(String id, String from, String to, String kind, Object... more) {
        edges.add(map(merge(new Object[] { "id", id, "from", from, "to", to, "kind", kind }, more)));
        return this;
    }

    /** Changes the last element added to a list, to spoil a valid venue in one place. */
    VenueBuilder change(String list, int index, String field, Object value) {
        var items = switch (list) {
            case "levels" -> levels;
            case "nodes" -> nodes;
            case "rooms" -> rooms;
            case "pois" -> pois;
            default -> edges;
        };
        if (value == null) {
            items.get(index).remove(field);
        } else {
            items.get(index).put(field, value);
        }
        return this;
    }

    Map<String, Object> json() {
        return map("levels", levels, "nodes", nodes, "rooms", rooms, "pois", pois, "edges", edges);
    }

    /** Uploads this venue as the event's first one; returns its version. */
    public long upload(String slug) {
        return io.hallway.testing.Api.organizer().body(json()).put("/api/admin/events/" + slug + "/venue")
                .then().statusCode(201).extract().jsonPath().getLong("version");
    }

    /**
     * The two-level venue most HTTP tests use: the Theater upstairs, the Flex Space downstairs, 6 m of
     * stairs (10 s walking) at one end and a 4 m elevator with a 20 s wait at the other, 10 m apart.
     */
    public static VenueBuilder theaterAndFlexSpace() {
        return venue().level("up", "Upstairs", 1).node("u1", 0, 0, "the red curtain").node("u2", 10, 0)
                .level("down", "Flex Space", 0).node("d1", 0, 0).node("d2", 10, 0).node("d3", 10, -4)
                .room("theater", "Theater", "up", "u1", "scheduleRoom", "Theater")
                .room("flex", "Flex Space", "down", "d1", "scheduleRoom", "Flex Space")
                .poi("wc", "toilet", "down", "d3")
                .edge("upper", "u1", "u2", "corridor").edge("lower", "d1", "d2", "corridor")
                .edge("to-wc", "d2", "d3", "corridor")
                .edge("stairs", "u1", "d1", "stairs", "length", 6.0)
                .edge("lift", "u2", "d2", "elevator", "length", 4.0, "extraSeconds", 20.0);
    }

    VenueDocument document() {
        return MAPPER.convertValue(json(), VenueDocument.class);
    }

    VenueGraph graph() {
        return new VenueGraph(1, document(), SPEEDS);
    }

    private static Object[] merge(Object[] first, Object[] more) {
        Object[] all = new Object[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
