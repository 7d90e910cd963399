package io.hallway.venue;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The public venue map: everything the app needs to draw levels, places and ways. */
@Schema(name = "VenueMap")
public record VenueMapView(long version, List<VenueGraph.Level> levels, List<VenueDocument.Node> nodes,
        List<VenueDocument.Room> rooms, List<VenueDocument.Poi> pois, List<EdgeView> edges) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EdgeView(String id, String from, String to, String kind,
            @Schema(description = "Metres") double length, boolean oneWay, boolean stepFree,
            @Schema(description = "Closed now") boolean closed, Instant closedUntil, String hint,
            @Schema(description = "[[x, y], [x, y]] of both ends, each on its own node's level") List<double[]> coordinates) {
    }

    static VenueMapView from(VenueGraph graph, Instant now) {
        var document = graph.document;
        var indexOfEdge = document.edges() == null ? List.<VenueDocument.Edge> of() : document.edges();
        var edges = IntStream.range(0, graph.edgeIds.length).mapToObj(e -> {
            var edge = indexOfEdge.get(e);
            int from = graph.nodeIndex.get(edge.from());
            int to = graph.nodeIndex.get(edge.to());
            return new EdgeView(edge.id(), edge.from(), edge.to(), edge.kind(), Directions.round(graph.edgeLength[e]),
                    Boolean.TRUE.equals(edge.oneWay()), graph.edgeStepFree[e], graph.closedAt(e, now.toEpochMilli()),
                    graph.closedUntil(e).orElse(null), edge.hint(),
                    List.of(new double[] { graph.x[from], graph.y[from] }, new double[] { graph.x[to], graph.y[to] }));
        }).toList();
        return new VenueMapView(graph.version, graph.levels, orEmpty(document.nodes()), orEmpty(document.rooms()),
                orEmpty(document.pois()), edges);
    }

    private static <T> List<T> orEmpty(List<T> items) {
        return items == null ? List.of() : items;
    }
}
