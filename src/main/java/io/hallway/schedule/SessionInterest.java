package io.hallway.schedule;

import java.util.Map;

/**
 * How many people bookmarked each session of an event, and how full that makes its room. Implemented by
 * the agenda feature; shown by the schedule's live session lists.
 */
public interface SessionInterest {

    /** {@code fill}: available, filling or full against the room's capacity; null where the room has none. */
    record Interest(long bookmarks, String fill) {
    }

    /** Per session id, every session of the event, counted recently (within the agenda's fill-max-age). */
    Map<Long, Interest> of(long eventId);
}
