package io.hallway.common;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A person's bookmarked sessions in an event. Implemented by the agenda feature; read by features that
 * act on someone's plan (routing to the next talk, exporting someone's data).
 */
public interface Bookmarks {

    /** The id of the person's first bookmarked, not cancelled session starting after the instant. */
    Optional<Long> nextSessionId(long eventId, long userId, Instant after);

    /** Ids of all the person's bookmarked sessions in the event. */
    List<Long> sessionIds(long eventId, long userId);
}
