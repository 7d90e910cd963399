package io.hallway.schedule;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * When each session is now expected to start and end, from what the hosts report during the day. Implemented by
 * the live feature; shown by the schedule's live session lists and "now". Planned times never change by it.
 */
public interface SessionTimes {

    /** Expected times in the event's zone; {@code delayMinutes}: how far the expected start is behind the plan. */
    record Expected(OffsetDateTime startsAt, OffsetDateTime endsAt, long delayMinutes) {
    }

    /** Per session id, every scheduled session of this schedule version, on time or not. */
    Map<Long, Expected> expected(ScheduleSnapshots.Built built);
}
