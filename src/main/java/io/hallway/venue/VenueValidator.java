package io.hallway.venue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.WireEnum;

/**
 * Checks a venue as a whole before it is stored. Every finding names the element it is about and points
 * at it with a JSON pointer (RFC 6901), so an organizer can fix the file in one go.
 */
final class VenueValidator {

    private final VenueDocument venue;
    private final List<Problem.Violation> violations = new ArrayList<>();
    /**
     * Ids with the kind of element that first used them. Nodes, rooms and points of interest share one
     * namespace, as a route's "from" and "to" may name any of them; levels and edges have their own.
     */
    private final Map<String, String> placeIds = new HashMap<>();
    private final Map<String, String> levelIds = new HashMap<>();
    private final Map<String, String> edgeIds = new HashMap<>();
    private final Map<String, String> levelOfNode = new HashMap<>();
    private final Set<String> levels = new HashSet<>();
    private final Set<String> nodes = new HashSet<>();

    private VenueValidator(VenueDocument venue) {
        this.venue = venue;
    }

    /** Throws a 400 listing every problem in the venue, or returns when there is none. */
    static void check(VenueDocument venue, Set<String> scheduleRooms, int maxNodes) {
        var validator = new VenueValidator(venue);
        validator.run(scheduleRooms, maxNodes);
        if (!validator.violations.isEmpty()) {
            var found = validator.violations;
            throw Problem.of(ProblemType.INVALID_VENUE, found.size() == 1 ? found.get(0).message()
                    : "The venue has " + found.size() + " problems; the first: " + found.get(0).message(), found);
        }
    }

    private void run(Set<String> scheduleRooms, int maxNodes) {
        if (nulls("levels", venue.levels()) | nulls("nodes", venue.nodes()) | nulls("rooms", venue.rooms())
                | nulls("pois", venue.pois()) | nulls("edges", venue.edges())) {
            return;
        }
        if (venue.levels() == null || venue.levels().isEmpty()) {
            fail("/levels", "a venue needs at least one level");
        }
        if (venue.nodes() != null && venue.nodes().size() > maxNodes) {
            fail("/nodes", "a venue may have at most " + maxNodes + " nodes, this one has " + venue.nodes().size());
            return;
        }
        speeds();
        levels();
        nodes();
        rooms(scheduleRooms);
        pois();
        edges();
        if (violations.isEmpty()) {
            connectivity();
        }
    }

    private void speeds() {
        var speeds = venue.speeds();
        if (speeds == null) {
            return;
        }
        positive("/speeds/walk", speeds.walk());
        positive("/speeds/slow", speeds.slow());
        positive("/speeds/fast", speeds.fast());
        positive("/speeds/stepFree", speeds.stepFree());
    }

    private void positive(String at, Double speed) {
        if (speed != null && !(speed > 0 && speed < 10)) {
            fail(at, "a walking speed must be between 0 and 10 m/s, not " + speed);
        }
    }

    private void levels() {
        Map<Integer, String> ordinals = new HashMap<>();
        for (int i = 0; i < list(venue.levels()).size(); i++) {
            var level = venue.levels().get(i);
            String at = "/levels/" + i;
            if (id(levelIds, at, "level", level.id())) {
                levels.add(level.id());
            }
            if (blank(level.name())) {
                fail(at + "/name", "level '" + level.id() + "' needs a name");
            }
            if (level.ordinal() == null) {
                fail(at + "/ordinal", "level '" + level.id() + "' needs an ordinal (0 = ground floor)");
            } else if (ordinals.putIfAbsent(level.ordinal(), level.id()) != null) {
                fail(at + "/ordinal", "levels '" + ordinals.get(level.ordinal()) + "' and '" + level.id()
                        + "' both have ordinal " + level.ordinal());
            }
        }
    }

    private void nodes() {
        for (int i = 0; i < list(venue.nodes()).size(); i++) {
            var node = venue.nodes().get(i);
            String at = "/nodes/" + i;
            boolean fresh = id(placeIds, at, "node", node.id());
            if (node.x() == null || node.y() == null || !Double.isFinite(node.x()) || !Double.isFinite(node.y())) {
                fail(at, "node '" + node.id() + "' needs x and y coordinates in metres");
            }
            if (fresh) {
                nodes.add(node.id());
            }
            if (knownLevel(at + "/level", "node '" + node.id() + "'", node.level()) && fresh) {
                levelOfNode.put(node.id(), node.level());
            }
        }
    }

    private void rooms(Set<String> scheduleRooms) {
        Set<String> linked = new HashSet<>();
        for (int i = 0; i < list(venue.rooms()).size(); i++) {
            var room = venue.rooms().get(i);
            String at = "/rooms/" + i;
            place(at, "room", room.id(), room.name(), room.level(), room.entrances());
            if (room.scheduleRoom() != null) {
                if (!scheduleRooms.contains(room.scheduleRoom())) {
                    fail(at + "/scheduleRoom", "room '" + room.id() + "' links to '" + room.scheduleRoom()
                            + "', which is not a room of this event's schedule");
                } else if (!linked.add(room.scheduleRoom())) {
                    fail(at + "/scheduleRoom", "schedule room '" + room.scheduleRoom() + "' is linked twice");
                }
            }
        }
    }

    private void pois() {
        for (int i = 0; i < list(venue.pois()).size(); i++) {
            var poi = venue.pois().get(i);
            String at = "/pois/" + i;
            place(at, "point of interest", poi.id(), poi.name(), poi.level(), poi.entrances());
            if (WireEnum.find(PoiCategory.class, poi.category()).isEmpty()) {
                fail(at + "/category", "point of interest '" + poi.id() + "' has category '" + poi.category()
                        + "'; use one of " + String.join(", ", WireEnum.wireNames(PoiCategory.class)));
            }
        }
    }

    private void place(String at, String what, String id, String name, String level, List<String> entrances) {
        id(placeIds, at, what, id);
        String label = what + " '" + id + "'";
        if (blank(name)) {
            fail(at + "/name", label + " needs a name");
        }
        boolean levelKnown = knownLevel(at + "/level", label, level);
        if (entrances == null || entrances.isEmpty()) {
            fail(at + "/entrances", label + " has no entrance; name the node(s) where one enters it");
            return;
        }
        for (int e = 0; e < entrances.size(); e++) {
            String node = entrances.get(e);
            if (!nodes.contains(node)) {
                fail(at + "/entrances/" + e, label + " has an entrance at unknown node '" + node + "'");
            } else if (levelKnown && levelOfNode.containsKey(node) && !levelOfNode.get(node).equals(level)) {
                fail(at + "/entrances/" + e, label + " is on level '" + level + "' but its entrance '" + node
                        + "' is on level '" + levelOfNode.get(node) + "'");
            }
        }
    }

    private void edges() {
        for (int i = 0; i < list(venue.edges()).size(); i++) {
            var edge = venue.edges().get(i);
            String at = "/edges/" + i;
            id(edgeIds, at, "edge", edge.id());
            String label = "edge '" + edge.id() + "'";
            boolean ends = knownNode(at + "/from", label, edge.from()) & knownNode(at + "/to", label, edge.to());
            var kind = WireEnum.find(EdgeKind.class, edge.kind());
            if (kind.isEmpty()) {
                fail(at + "/kind", label + " has kind '" + edge.kind() + "'; use one of "
                        + String.join(", ", WireEnum.wireNames(EdgeKind.class)));
            }
            if (ends && edge.from().equals(edge.to())) {
                fail(at + "/to", label + " starts and ends at node '" + edge.from() + "'");
            }
            boolean levelChange = ends && levelOfNode.containsKey(edge.from()) && levelOfNode.containsKey(edge.to())
                    && !levelOfNode.get(edge.from()).equals(levelOfNode.get(edge.to()));
            if (levelChange && kind.isPresent() && !kind.get().changesLevel()) {
                fail(at + "/kind", label + " joins levels '" + levelOfNode.get(edge.from()) + "' and '"
                        + levelOfNode.get(edge.to()) + "', which only stairs, ramps, elevators and escalators can");
            }
            if (edge.length() != null && !(edge.length() >= 0 && Double.isFinite(edge.length()))) {
                fail(at + "/length", label + " has a negative length");
            } else if (levelChange && edge.length() == null) {
                fail(at + "/length", label + " changes level, so it needs a length in metres");
            }
            if (edge.extraSeconds() != null && !(edge.extraSeconds() >= 0 && Double.isFinite(edge.extraSeconds()))) {
                fail(at + "/extraSeconds", label + " has negative extra seconds");
            }
            if (Boolean.TRUE.equals(edge.stepFree()) && kind.isPresent() && kind.get().hasSteps()) {
                fail(at + "/stepFree", label + " is " + edge.kind() + ", which is never step-free");
            }
            if (edge.closedUntil() != null && !Boolean.TRUE.equals(edge.closed())) {
                fail(at + "/closedUntil", label + " has closedUntil but is not closed");
            }
        }
    }

    /** Every room must be reachable from every other, over all edges, closed ones included. */
    private void connectivity() {
        var rooms = list(venue.rooms());
        if (rooms.size() < 2) {
            return;
        }
        Map<String, List<String>> forward = new HashMap<>();
        Map<String, List<String>> backward = new HashMap<>();
        for (var edge : list(venue.edges())) {
            forward.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge.to());
            backward.computeIfAbsent(edge.to(), k -> new ArrayList<>()).add(edge.from());
            if (!Boolean.TRUE.equals(edge.oneWay())) {
                forward.computeIfAbsent(edge.to(), k -> new ArrayList<>()).add(edge.from());
                backward.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge.to());
            }
        }
        var first = rooms.get(0);
        Set<String> there = reach(first.entrances(), forward);
        Set<String> back = reach(first.entrances(), backward);
        for (int i = 1; i < rooms.size(); i++) {
            var room = rooms.get(i);
            if (room.entrances().stream().noneMatch(there::contains)) {
                fail("/rooms/" + i, "room '" + room.id() + "' cannot be reached from room '" + first.id() + "'");
            }
            if (room.entrances().stream().noneMatch(back::contains)) {
                fail("/rooms/" + i, "room '" + first.id() + "' cannot be reached from room '" + room.id() + "'");
            }
        }
    }

    private static Set<String> reach(List<String> start, Map<String, List<String>> adjacency) {
        Set<String> seen = new HashSet<>(start);
        var queue = new ArrayDeque<>(start);
        while (!queue.isEmpty()) {
            for (String next : adjacency.getOrDefault(queue.poll(), List.of())) {
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }

    private boolean id(Map<String, String> ids, String at, String what, String id) {
        if (blank(id)) {
            fail(at + "/id", "a " + what + " has no id");
            return false;
        }
        if (ids == placeIds && WireEnum.find(PoiCategory.class, id).isPresent()) {
            fail(at + "/id", what + " id '" + id + "' is a category name; routes to it would be ambiguous");
        }
        String earlier = ids.putIfAbsent(id, what);
        if (earlier != null) {
            fail(at + "/id", "duplicate id '" + id + "': already used by a " + earlier);
            return false;
        }
        return true;
    }

    private boolean knownLevel(String at, String label, String level) {
        if (!levels.contains(level)) {
            fail(at, label + " is on unknown level '" + level + "'");
            return false;
        }
        return true;
    }

    private boolean knownNode(String at, String label, String node) {
        if (!nodes.contains(node)) {
            fail(at, label + " refers to unknown node '" + node + "'");
            return false;
        }
        return true;
    }

    private boolean nulls(String list, List<?> items) {
        boolean found = false;
        for (int i = 0; i < list(items).size(); i++) {
            if (items.get(i) == null) {
                fail("/" + list + "/" + i, "null is not an element of " + list);
                found = true;
            }
        }
        return found;
    }

    private void fail(String at, String message) {
        violations.add(new Problem.Violation(at, message));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }
}
