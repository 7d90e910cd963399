package io.hallway.venue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GeoJSON (RFC 7946) FeatureCollections, one per level, for map libraries. Positions are [x, y] metres
 * on the level's plan, not longitude and latitude: draw them on a plane (Leaflet's CRS.Simple, a
 * MapLibre image source). Each collection names its level in a foreign member "level".
 */
final class GeoJson {

    private GeoJson() {
    }

    static List<Map<String, Object>> levels(VenueGraph graph, Instant now) {
        List<Map<String, Object>> collections = new ArrayList<>();
        for (int level = 0; level < graph.levels.size(); level++) {
            collections.add(level(graph, level, now));
        }
        return collections;
    }

    static Map<String, Object> level(VenueGraph graph, int level, Instant now) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (var place : graph.places.values()) {
            if (place.level() != level) {
                continue;
            }
            int entrance = place.entrances()[0];
            double[] at = place.x() != null && place.y() != null ? new double[] { place.x(), place.y() }
                    : new double[] { graph.x[entrance], graph.y[entrance] };
            var properties = properties("type", place.room() ? "room" : "poi", "name", place.name());
            if (!place.room()) {
                properties.put("category", place.category().wireName());
                properties.put("accessible", place.accessible());
            }
            var entrances = new ArrayList<String>();
            for (int node : place.entrances()) {
                entrances.add(graph.nodeIds[node]);
            }
            properties.put("entrances", entrances);
            features.add(feature(place.id(), point(at[0], at[1]), properties));
        }
        for (int node = 0; node < graph.nodeCount(); node++) {
            if (graph.nodeLevel[node] == level && graph.landmark[node] != null) {
                features.add(feature(graph.nodeIds[node], point(graph.x[node], graph.y[node]),
                        properties("type", "landmark", "name", graph.landmark[node])));
            }
        }
        var edges = graph.document.edges() == null ? List.<VenueDocument.Edge> of() : graph.document.edges();
        for (int e = 0; e < edges.size(); e++) {
            int from = graph.nodeIndex.get(edges.get(e).from());
            int to = graph.nodeIndex.get(edges.get(e).to());
            var properties = properties("type", "edge", "kind", graph.edgeKind[e].wireName());
            properties.put("stepFree", graph.edgeStepFree[e]);
            properties.put("oneWay", Boolean.TRUE.equals(edges.get(e).oneWay()));
            properties.put("closed", graph.closedAt(e, now.toEpochMilli()));
            if (graph.nodeLevel[from] == level && graph.nodeLevel[to] == level) {
                features.add(feature(graph.edgeIds[e], Map.of("type", "LineString", "coordinates",
                        List.of(new double[] { graph.x[from], graph.y[from] }, new double[] { graph.x[to], graph.y[to] })),
                        properties));
            } else if (graph.nodeLevel[from] == level || graph.nodeLevel[to] == level) {
                // A way to another level shows as a point where it leaves this one.
                int here = graph.nodeLevel[from] == level ? from : to;
                int there = here == from ? to : from;
                properties.put("type", "connector");
                properties.put("toLevel", graph.level(there).id());
                features.add(feature(graph.edgeIds[e], point(graph.x[here], graph.y[here]), properties));
            }
        }
        var levelInfo = graph.levels.get(level);
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("level", Map.of("id", levelInfo.id(), "name", levelInfo.name(), "ordinal", levelInfo.ordinal()));
        collection.put("features", features);
        return collection;
    }

    private static Map<String, Object> feature(String id, Map<String, Object> geometry, Map<String, Object> properties) {
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("id", id);
        feature.put("geometry", geometry);
        feature.put("properties", properties);
        return feature;
    }

    private static Map<String, Object> point(double x, double y) {
        return Map.of("type", "Point", "coordinates", new double[] { x, y });
    }

    private static Map<String, Object> properties(String... pairs) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.put(pairs[i], pairs[i + 1]);
        }
        return properties;
    }
}
