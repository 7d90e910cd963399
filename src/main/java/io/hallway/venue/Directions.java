package io.hallway.venue;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a path into the steps a person follows: consecutive edges of one kind without a turn become one
 * step, turns come from the change of bearing between edges, and legs split where the level changes.
 */
final class Directions {

    private final VenueGraph graph;
    private final double speed;
    private final List<RouteView.Leg> legs = new ArrayList<>();
    private List<RouteView.Step> steps = new ArrayList<>();
    private int legStartNode;
    private double legMetres;
    private double legSeconds;

    private Directions(VenueGraph graph, double speed, int start) {
        this.graph = graph;
        this.speed = speed;
        this.legStartNode = start;
    }

    static List<RouteView.Leg> legs(VenueGraph graph, Router.Path path, double speed, VenueGraph.Place destination) {
        var directions = new Directions(graph, speed, path.nodes()[0]);
        directions.walk(path, destination);
        return directions.legs;
    }

    private void walk(Router.Path path, VenueGraph.Place destination) {
        int[] nodes = path.nodes();
        int[] edges = path.edges();
        double heading = Double.NaN;
        int i = 0;
        while (i < edges.length) {
            int first = i;
            EdgeKind kind = graph.edgeKind[edges[i]];
            double bearing = bearing(nodes[i], nodes[i + 1]);
            Turn turn = i == 0 || Double.isNaN(heading) || Double.isNaN(bearing) ? null : Turn.of(Turn.change(heading, bearing));
            if (!Double.isNaN(bearing)) {
                heading = bearing;
            }
            double metres = graph.edgeLength[edges[i]];
            double seconds = graph.seconds(edges[i], speed);
            String hint = graph.edgeHint[edges[i]];
            i++;
            while (i < edges.length && graph.edgeKind[edges[i]] == kind) {
                double next = bearing(nodes[i], nodes[i + 1]);
                if (!Double.isNaN(next) && !Double.isNaN(heading) && Turn.of(Turn.change(heading, next)) != Turn.STRAIGHT) {
                    break;
                }
                if (!Double.isNaN(next)) {
                    heading = next;
                }
                metres += graph.edgeLength[edges[i]];
                seconds += graph.seconds(edges[i], speed);
                hint = hint != null ? hint : graph.edgeHint[edges[i]];
                i++;
            }
            int from = nodes[first];
            int to = nodes[i];
            if (graph.nodeLevel[from] != graph.nodeLevel[to]) {
                // A level change resets the heading: nobody keeps their bearing through a staircase.
                heading = Double.NaN;
            }
            add(new RouteView.Step(instruction(first == 0, kind, turn, from, to, metres), kind.wireName(),
                    turn == null ? null : turn.wireName(), round(metres), Math.round(seconds), graph.nodeIds[from],
                    graph.nodeIds[to], hint), metres, seconds);
            if (graph.nodeLevel[from] != graph.nodeLevel[to]) {
                closeLeg(to);
            }
        }
        int end = nodes[nodes.length - 1];
        add(arrival(destination, end, heading, edges.length == 0), 0, 0);
        closeLeg(end);
    }

    private String instruction(boolean first, EdgeKind kind, Turn turn, int from, int to, double metres) {
        String prefix = turn == null || turn == Turn.STRAIGHT && kind != EdgeKind.CORRIDOR ? ""
                : turn.phrase + (graph.landmark[from] == null ? "" : " at " + graph.landmark[from]) + " and ";
        String distance = Math.round(metres) + " m";
        String action = switch (kind) {
            case CORRIDOR -> (first ? "Walk " : "walk ") + distance;
            case DOOR -> "go through the door";
            case RAMP, STAIRS, ESCALATOR, ELEVATOR -> "take the " + kind.wireName() + levelChange(from, to);
        };
        String sentence = prefix + action;
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private String levelChange(int from, int to) {
        var start = graph.level(from);
        var end = graph.level(to);
        if (start.equals(end)) {
            return "";
        }
        return (end.ordinal() > start.ordinal() ? " up" : " down") + " to " + end.name() + " (level " + end.ordinal() + ")";
    }

    private RouteView.Step arrival(VenueGraph.Place destination, int node, double heading, boolean alreadyThere) {
        String name = destination == null ? null : (destination.room() ? "the " : "") + destination.name();
        String side = null;
        String instruction;
        if (name != null && destination.x() != null && !Double.isNaN(heading)
                && (destination.x() != graph.x[node] || destination.y() != graph.y[node])) {
            double change = Turn.change(heading, Turn.bearing(graph.x[node], graph.y[node], destination.x(), destination.y()));
            double size = Math.abs(change);
            side = size <= 30 ? "straight" : size >= 150 ? "u-turn" : change > 0 ? "left" : "right";
            String where = switch (side) {
                case "straight" -> "ahead of you";
                case "u-turn" -> "behind you";
                default -> "on your " + side;
            };
            instruction = capitalize(name) + " is " + where;
        } else if (name != null) {
            instruction = (alreadyThere ? "You are at " : "You have arrived at ") + name;
        } else {
            instruction = (alreadyThere ? "You are there" : "You have arrived")
                    + (graph.landmark[node] == null ? "" : ", at " + graph.landmark[node]);
        }
        return new RouteView.Step(instruction, "arrive", side, 0, 0, graph.nodeIds[node], graph.nodeIds[node], null);
    }

    private void add(RouteView.Step step, double metres, double seconds) {
        steps.add(step);
        legMetres += metres;
        legSeconds += seconds;
    }

    private void closeLeg(int nextStart) {
        var level = graph.level(legStartNode);
        legs.add(new RouteView.Leg(level.id(), level.name(), level.ordinal(), round(legMetres), Math.round(legSeconds),
                List.copyOf(steps)));
        steps = new ArrayList<>();
        legMetres = 0;
        legSeconds = 0;
        legStartNode = nextStart;
    }

    /** NaN for a way with no direction on the plan: between levels, or between nodes at the same spot. */
    private double bearing(int from, int to) {
        if (graph.nodeLevel[from] != graph.nodeLevel[to] || graph.x[from] == graph.x[to] && graph.y[from] == graph.y[to]) {
            return Double.NaN;
        }
        return Turn.bearing(graph.x[from], graph.y[from], graph.x[to], graph.y[to]);
    }

    static double round(double metres) {
        return Math.round(metres * 10) / 10.0;
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
