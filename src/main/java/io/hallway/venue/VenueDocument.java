package io.hallway.venue;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A venue as organizers upload it: one JSON document, edited as a file. Nodes, rooms and points of
 * interest share one namespace of ids (none may be a category name), so a route's "from" and "to" are
 * never ambiguous; levels and edges have namespaces of their own.
 * Coordinates are metres on the level's plan, x growing to the right and y towards the top of the plan.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Venue")
public record VenueDocument(
        @Schema(description = "The version this upload is based on (or send If-Match); absent for the first upload")
        Long version,
        @Schema(description = "Walking speeds in m/s per profile; absent ones use the service defaults")
        Speeds speeds,
        List<Level> levels,
        List<Node> nodes,
        List<Room> rooms,
        List<Poi> pois,
        List<Edge> edges) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Speeds(Double walk, Double slow, Double fast, Double stepFree) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Level(String id, String name,
            @Schema(description = "0 is the ground floor, negative below it") Integer ordinal) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Node(String id, String level, Double x, Double y,
            @Schema(description = "Something to recognise the spot by, such as \"the red curtain\"") String landmark) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Room(String id, String name, String level, List<String> entrances,
            @Schema(description = "Name of the schedule room this is, which links talks to the map") String scheduleRoom,
            @Schema(description = "Where the room's label sits on the plan; also tells which side it is on") Double x,
            Double y) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Poi(String id, String name,
            @Schema(enumeration = { "toilet", "accessible-toilet", "coffee", "water", "exit", "info-desk", "elevator",
                    "stairs", "quiet-room", "meeting-point", "lounge" }) String category,
            String level, List<String> entrances, Boolean accessible, Double x, Double y) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Edge(String id, String from, String to,
            @Schema(enumeration = { "corridor", "door", "stairs", "ramp", "elevator", "escalator" }) String kind,
            @Schema(description = "Metres; computed from the coordinates when absent, required between levels") Double length,
            Boolean oneWay,
            @Schema(description = "Defaults to true except for stairs and escalators, which are never step-free") Boolean stepFree,
            @Schema(description = "Added to the walking time: a heavy door, waiting for an elevator") Double extraSeconds,
            Boolean closed,
            @Schema(description = "A closed edge opens again at this instant; closed indefinitely when absent") Instant closedUntil,
            String hint) {

        Edge withClosure(boolean closed, Instant closedUntil) {
            return new Edge(id, from, to, kind, length, oneWay, stepFree, extraSeconds, closed ? Boolean.TRUE : null,
                    closed ? closedUntil : null, hint);
        }
    }

    VenueDocument withVersion(Long version) {
        return new VenueDocument(version, speeds, levels, nodes, rooms, pois, edges);
    }
}
