package io.hallway.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Fired inside the transaction of a host's report when it moves the expected start of sessions that have not
 * started by at least {@code hallway.live.change-threshold}: for the features that tell the people who follow
 * those sessions (the personal change feed). {@code revision} is the schedule version the report was made at,
 * which it leaves unchanged.
 */
public record ExpectedStartsMoved(long eventId, long revision, String roomName, List<Move> moves) {

    /** One session's move; {@code kind} is the session kind's wire name ("talk", "lightning-talk", ...). */
    public record Move(long sessionId, Long blockId, String kind, Instant plannedStart, Instant previousExpectedStart,
            Instant expectedStart) {

        /** Minutes the new expected start is behind the planned one. */
        public long delayMinutes() {
            return Duration.between(plannedStart, expectedStart).toMinutes();
        }
    }
}
