package io.hallway.common;

import java.time.Duration;
import java.util.Optional;

/**
 * How long it takes to walk between two schedule rooms of an event, where the event has a venue map.
 * Implemented by the venue feature; used by features that reason about getting from talk to talk.
 */
public interface WalkingTimes {

    Optional<Duration> between(long eventId, long fromRoomId, long toRoomId);
}
