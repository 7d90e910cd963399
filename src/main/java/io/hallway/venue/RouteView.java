package io.hallway.venue;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The fastest way from one place to another, as the app shows and draws it. */
@Schema(name = "Route")
public record RouteView(
        Endpoint from,
        Endpoint to,
        String profile,
        @Schema(description = "Metres") double distance,
        @Schema(description = "Seconds") long duration,
        @Schema(description = "Split where the route changes level") List<Leg> legs,
        @Schema(description = "The nodes walked through, with their coordinates, to draw the route") List<PathPoint> path,
        List<String> warnings) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Endpoint(String id, String name,
            @Schema(enumeration = { "room", "poi", "node" }) String type, String category, String level) {
    }

    public record Leg(String level, String levelName, int ordinal, double distance, long duration, List<Step> steps) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String instruction,
            @Schema(enumeration = { "corridor", "door", "stairs", "ramp", "elevator", "escalator", "arrive" }) String kind,
            @Schema(description = "How to turn onto this step (for \"arrive\": the side the destination is on)",
                    enumeration = { "straight", "slight-left", "left", "sharp-left", "slight-right", "right",
                            "sharp-right", "u-turn" }) String turn,
            double distance, long duration, String fromNode, String toNode, String hint) {
    }

    public record PathPoint(String node, String level, double x, double y) {
    }
}
