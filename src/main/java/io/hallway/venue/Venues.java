package io.hallway.venue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.schedule.Event;
import io.hallway.schedule.Room;

/**
 * What other features may ask of the venue: the way to the place a schedule room is on the map, and the
 * walking time between two schedule rooms. Venue rooms link to schedule rooms by name.
 */
@ApplicationScoped
public class Venues {

    @Inject
    VenueGraphs graphs;

    @Inject
    VenueConfig config;

    /**
     * The fastest way from a place on the event's map to the venue room linked to a schedule room, as walked
     * at {@code at} (edges closed then are left out). 404 without a map, 409 when the room is not on it.
     */
    public RouteView routeToRoom(Event event, String from, String scheduleRoomName, String profile, List<String> avoid,
            Instant at) {
        VenueGraph graph = graphs.forEvent(event.id).filter(g -> event.published)
                .orElseThrow(() -> Problem.notFound("No venue map for event '" + event.slug + "'."));
        VenueGraph.Place room = graph.byScheduleRoom.get(scheduleRoomName);
        if (room == null) {
            throw Problem.of(ProblemType.ROOM_NOT_ON_THE_MAP, scheduleRoomName + " is not on the venue map yet.");
        }
        return Routing.route(graph, from, room.id(), Routing.options(config, profile, avoid, at));
    }

    /**
     * The fastest way from a place on the event's map to another place on it by id (a meeting place), as
     * {@link #routeToRoom} walks. 404 without a map, 409 when the place is no longer on it.
     */
    public RouteView routeToPlace(Event event, String from, String placeId, String placeName, String profile,
            List<String> avoid, Instant at) {
        VenueGraph graph = graphs.forEvent(event.id).filter(g -> event.published)
                .orElseThrow(() -> Problem.notFound("No venue map for event '" + event.slug + "'."));
        if (!graph.places.containsKey(placeId)) {
            throw Problem.of(ProblemType.ROOM_NOT_ON_THE_MAP, placeName + " is no longer on the venue map.");
        }
        return Routing.route(graph, from, placeId, Routing.options(config, profile, avoid, at));
    }

    /**
     * Walking time between two schedule rooms at the default pace, through the venue rooms they are linked to,
     * with the edges closed right now left out; empty where the event has no map or a room is not on it.
     */
    public Optional<Duration> walkingTime(long eventId, long fromRoomId, long toRoomId) {
        var graph = graphs.forEvent(eventId);
        if (graph.isEmpty()) {
            return Optional.empty();
        }
        var from = place(graph.get(), eventId, fromRoomId);
        var to = place(graph.get(), eventId, toRoomId);
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        var options = new Router.Options(WalkingProfile.WALK, Set.of(), config.avoidPenalty().toSeconds(),
                Instant.now().toEpochMilli());
        return Router.fastest(graph.get(), from.get().entrances(), to.get().entrances(), options, Router.Mode.NORMAL)
                .map(path -> Duration.ofSeconds(Math.round(path.seconds())));
    }

    /** A point of interest the venue marked as good for meeting someone (meeting point, coffee, lounge). */
    public record MeetingPlace(String id, String name, String category) {
    }

    /**
     * The event's places for meeting, in map order; empty without a map or when the venue marked none. The
     * walking times to and from them come from {@link #walkingTimeToPlace} and {@link #walkingTimeFromPlace}.
     */
    public List<MeetingPlace> meetingPlaces(long eventId) {
        return graphs.forEvent(eventId).map(graph -> graph.document.pois() == null ? List.<MeetingPlace> of()
                : graph.document.pois().stream().map(poi -> graph.places.get(poi.id()))
                        .filter(place -> PoiCategory.FOR_MEETING.contains(place.category()))
                        .map(place -> new MeetingPlace(place.id(), place.name(), place.category().wireName())).toList())
                .orElse(List.of());
    }

    /** Walking time from a schedule room to a place on the map, as {@link #walkingTime} walks; empty where unknown. */
    public Optional<Duration> walkingTimeToPlace(long eventId, long fromRoomId, String placeId) {
        return graphs.forEvent(eventId).flatMap(graph -> place(graph, eventId, fromRoomId)
                .flatMap(room -> walk(graph, room, graph.places.get(placeId))));
    }

    /** Walking time from a place on the map to a schedule room (one-way corridors may make it differ from the way there). */
    public Optional<Duration> walkingTimeFromPlace(long eventId, String placeId, long toRoomId) {
        return graphs.forEvent(eventId).flatMap(graph -> place(graph, eventId, toRoomId)
                .flatMap(room -> walk(graph, graph.places.get(placeId), room)));
    }

    private Optional<Duration> walk(VenueGraph graph, VenueGraph.Place from, VenueGraph.Place to) {
        if (from == null || to == null) {
            return Optional.empty();
        }
        var options = new Router.Options(WalkingProfile.WALK, Set.of(), config.avoidPenalty().toSeconds(),
                Instant.now().toEpochMilli());
        return Router.fastest(graph, from.entrances(), to.entrances(), options, Router.Mode.NORMAL)
                .map(path -> Duration.ofSeconds(Math.round(path.seconds())));
    }

    private static Optional<VenueGraph.Place> place(VenueGraph graph, long eventId, long roomId) {
        return Room.<Room> findByIdOptional(roomId).filter(room -> room.event.id == eventId)
                .map(room -> graph.byScheduleRoom.get(room.name));
    }
}
