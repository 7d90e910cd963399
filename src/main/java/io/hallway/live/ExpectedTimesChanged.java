package io.hallway.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Fired inside the transaction of a host's report for every session whose expected start or end it moved, by
 * however little, whether or not it has started: for features that keep something at a fixed time next to the
 * sessions (a meet-up right after a talk, with a few minutes' walk), which a move below
 * {@code hallway.live.change-threshold} can already break. It is not news for attendees: the followers' change
 * feed hears of moves of at least the threshold only, through {@link ExpectedStartsMoved}. {@code roomName} is the
 * room reported on; a lightning talk comes with its block's id.
 */
public record ExpectedTimesChanged(long eventId, String roomName, List<Change> changes) {

    /** One session's expected times before and after the report. */
    public record Change(long sessionId, Long blockId, String title, Instant plannedStart, Instant plannedEnd,
            Instant previousStart, Instant previousEnd, Instant expectedStart, Instant expectedEnd) {

        /** How far it moved: the larger of its start's and its end's move. */
        public Duration size() {
            Duration start = Duration.between(previousStart, expectedStart).abs();
            Duration end = Duration.between(previousEnd, expectedEnd).abs();
            return start.compareTo(end) >= 0 ? start : end;
        }

        /** Minutes it now runs behind its plan (the later of its start and its end); negative when ahead. */
        public long lateMinutes() {
            return Math.max(Duration.between(plannedStart, expectedStart).toMinutes(),
                    Duration.between(plannedEnd, expectedEnd).toMinutes());
        }

        public boolean startMoved() {
            return !previousStart.equals(expectedStart);
        }

        public boolean endMoved() {
            return !previousEnd.equals(expectedEnd);
        }
    }
}
