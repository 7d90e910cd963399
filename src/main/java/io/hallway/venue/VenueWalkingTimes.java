package io.hallway.venue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.common.WalkingTimes;
import io.hallway.schedule.Room;

/**
 * Walking time between two schedule rooms at the default walking pace, through the venue rooms they
 * are linked to (by name), with the edges closed right now left out.
 */
@ApplicationScoped
class VenueWalkingTimes implements WalkingTimes {

    @Inject
    VenueGraphs graphs;

    @Inject
    VenueConfig config;

    @Override
    public Optional<Duration> between(long eventId, long fromRoomId, long toRoomId) {
        var graph = graphs.forEvent(eventId);
        if (graph.isEmpty()) {
            return Optional.empty();
        }
        var from = place(graph.get(), eventId, fromRoomId);
        var to = place(graph.get(), eventId, toRoomId);
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        var options = new Router.Options(Profile.WALK, Set.of(), config.avoidPenalty().toSeconds(),
                Instant.now().toEpochMilli());
        return Router.fastest(graph.get(), from.get().entrances(), to.get().entrances(), options, Router.Mode.NORMAL)
                .map(path -> Duration.ofSeconds(Math.round(path.seconds())));
    }

    private static Optional<VenueGraph.Place> place(VenueGraph graph, long eventId, long roomId) {
        return Room.<Room> findByIdOptional(roomId).filter(room -> room.event.id == eventId)
                .map(room -> graph.byScheduleRoom.get(room.name));
    }
}
