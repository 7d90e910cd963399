package io.hallway.venue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.WireEnum;

/** Answers a route request on one venue graph: resolves the ends, searches, explains a failure. */
final class Routing {

    /** Where a route starts or ends: the nodes that count as being there, and what they are. */
    record End(int[] nodes, List<VenueGraph.Place> places, RouteView.Endpoint endpoint, String label) {
    }

    private Routing() {
    }

    static RouteView route(VenueGraph graph, String from, String to, Router.Options options) {
        List<String> warnings = new ArrayList<>();
        End start = place(graph, "from", from);
        End goal = destination(graph, to, options.profile(), warnings);
        Router.Path path = Router.fastest(graph, start.nodes(), goal.nodes(), options, Router.Mode.NORMAL)
                .orElseThrow(() -> noRoute(graph, start, goal, options));
        for (EdgeKind avoided : options.avoid()) {
            if (IntStream.of(path.edges()).anyMatch(e -> graph.edgeKind[e] == avoided)) {
                warnings.add("This route takes the " + plural(avoided) + ": there is no reasonable way around them.");
            }
        }
        VenueGraph.Place reached = goal.places().stream()
                .filter(p -> IntStream.of(p.entrances()).anyMatch(n -> n == path.target())).findFirst().orElse(null);
        RouteView.Endpoint toEndpoint = reached == null ? goal.endpoint() : endpoint(graph, reached);
        double speed = graph.speed(options.profile());
        var points = IntStream.of(path.nodes()).mapToObj(n -> new RouteView.PathPoint(graph.nodeIds[n],
                graph.level(n).id(), graph.x[n], graph.y[n])).toList();
        return new RouteView(start.endpoint(), toEndpoint, options.profile().wireName(), Directions.round(path.metres()),
                Math.round(path.seconds()), Directions.legs(graph, path, speed, reached), points, List.copyOf(warnings));
    }

    /** The options of a route request, from its query parameters; closures are judged at the instant given. */
    static Router.Options options(VenueConfig config, String profile, List<String> avoid, Instant at) {
        return new Router.Options(WalkingProfile.parse(profile), avoid(avoid), config.avoidPenalty().toSeconds(), at.toEpochMilli());
    }

    /** Parses avoid=stairs,escalators (repeatable); each is a penalty, not a ban. */
    static Set<EdgeKind> avoid(List<String> values) {
        Set<EdgeKind> avoid = EnumSet.noneOf(EdgeKind.class);
        for (String value : values == null ? List.<String> of() : values) {
            for (String item : value.split(",")) {
                switch (item.strip()) {
                    case "" -> { }
                    case "stairs" -> avoid.add(EdgeKind.STAIRS);
                    case "escalators" -> avoid.add(EdgeKind.ESCALATOR);
                    case "elevators" -> avoid.add(EdgeKind.ELEVATOR);
                    case "ramps" -> avoid.add(EdgeKind.RAMP);
                    default -> throw Problem.invalid("avoid", "'" + item.strip()
                            + "' cannot be avoided; use stairs, escalators, elevators or ramps");
                }
            }
        }
        return avoid;
    }

    static End place(VenueGraph graph, String field, String id) {
        if (id == null || id.isBlank()) {
            throw Problem.invalid(field, "name a room, point of interest or node of the venue");
        }
        var place = graph.places.get(id);
        if (place != null) {
            return new End(place.entrances(), List.of(place), endpoint(graph, place), label(place));
        }
        Integer node = graph.nodeIndex.get(id);
        if (node != null) {
            var endpoint = new RouteView.Endpoint(id, graph.landmark[node], "node", null, graph.level(node).id());
            return new End(new int[] { node }, List.of(), endpoint, "node '" + id + "'");
        }
        boolean category = WireEnum.find(PoiCategory.class, id).isPresent();
        throw Problem.invalid(field, "there is no room, point of interest or node '" + id + "' in this venue"
                + (category ? "; a category can only be a destination" : ""));
    }

    /**
     * A place, or the nearest member of a category. Step-free, only accessible members count, and a
     * toilet includes accessible toilets; when none is marked accessible, all members do, with a warning.
     */
    private static End destination(VenueGraph graph, String to, WalkingProfile profile, List<String> warnings) {
        var category = WireEnum.find(PoiCategory.class, to);
        if (category.isEmpty()) {
            return place(graph, "to", to);
        }
        List<VenueGraph.Place> members = graph.byCategory.getOrDefault(category.get(), List.of());
        if (profile == WalkingProfile.STEP_FREE) {
            var accessible = new ArrayList<VenueGraph.Place>();
            members.stream().filter(VenueGraph.Place::accessible).forEach(accessible::add);
            if (category.get() == PoiCategory.TOILET) {
                graph.byCategory.getOrDefault(PoiCategory.ACCESSIBLE_TOILET, List.of()).stream()
                        .filter(VenueGraph.Place::accessible).forEach(accessible::add);
            }
            if (accessible.isEmpty() && !members.isEmpty()) {
                warnings.add("No accessible " + to.replace('-', ' ') + " is marked on the map; this is the nearest one.");
            } else {
                members = accessible;
            }
        }
        if (members.isEmpty()) {
            throw Problem.invalid("to", "this venue has no " + to.replace('-', ' '));
        }
        int[] nodes = members.stream().flatMapToInt(p -> IntStream.of(p.entrances())).distinct().toArray();
        var endpoint = new RouteView.Endpoint(null, null, "poi", to, null);
        return new End(nodes, members, endpoint, "a " + to.replace('-', ' '));
    }

    /** Why there is no route: only through closed edges, only with steps (step-free), or no way at all. */
    private static Problem noRoute(VenueGraph graph, End start, End goal, Router.Options options) {
        String between = "from " + start.label() + " to " + goal.label();
        Optional<Router.Path> viaClosed = Router.fastest(graph, start.nodes(), goal.nodes(), options,
                Router.Mode.ALLOW_CLOSED);
        if (viaClosed.isPresent()) {
            Set<String> closed = new LinkedHashSet<>();
            List<String> described = new ArrayList<>();
            for (int edge : viaClosed.get().edges()) {
                if (graph.closedAt(edge, options.atEpochMillis()) && closed.add(graph.edgeIds[edge])) {
                    described.add("'" + graph.edgeIds[edge] + "'" + graph.closedUntil(edge).map(t -> " (closed until " + t + ")")
                            .orElse(" (closed)"));
                }
            }
            return Problem.of(ProblemType.NO_ROUTE, "There is no open way " + between + ": the only way is through "
                    + String.join(", ", described) + ".").with("reason", "closed").with("closedEdges", List.copyOf(closed));
        }
        if (options.profile() == WalkingProfile.STEP_FREE) {
            Optional<Router.Path> withSteps = Router.fastest(graph, start.nodes(), goal.nodes(), options,
                    Router.Mode.ALLOW_CLOSED_AND_STEPS);
            if (withSteps.isPresent()) {
                Set<String> stepped = new LinkedHashSet<>();
                for (int edge : withSteps.get().edges()) {
                    if (!graph.edgeStepFree[edge]) {
                        stepped.add(graph.edgeIds[edge]);
                    }
                }
                return Problem.of(ProblemType.NO_ROUTE, "There is no step-free way " + between + ": the only way takes "
                        + String.join(", ", stepped.stream().map(e -> "'" + e + "'").toList()) + ", which has steps.")
                        .with("reason", "steps").with("steppedEdges", List.copyOf(stepped));
            }
        }
        return Problem.of(ProblemType.NO_ROUTE, "The venue has no way " + between + ".").with("reason", "disconnected");
    }

    static RouteView.Endpoint endpoint(VenueGraph graph, VenueGraph.Place place) {
        return new RouteView.Endpoint(place.id(), place.name(), place.room() ? "room" : "poi",
                place.category() == null ? null : place.category().wireName(), graph.levels.get(place.level()).id());
    }

    private static String label(VenueGraph.Place place) {
        return (place.room() ? "room '" : "'") + place.id() + "'";
    }

    private static String plural(EdgeKind kind) {
        return kind == EdgeKind.STAIRS ? "stairs" : kind.wireName() + "s";
    }
}
