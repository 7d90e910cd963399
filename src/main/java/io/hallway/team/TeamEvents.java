package io.hallway.team;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

import io.hallway.common.Problem;

/**
 * What teams need to know about events, implemented by the feature that owns them: the id behind a slug, the
 * very problem an unknown slug is answered with (so that an event the caller is not on the team of cannot be told
 * apart from one that does not exist), and which rooms a host may be limited to.
 */
public interface TeamEvents {

    /** The event's id, whether it is published or not. */
    OptionalLong idOf(String slug);

    /** The 404 for a slug no event has. */
    Problem unknown(String slug);

    /** Those of these room ids that are no room of this event. */
    List<Long> roomsElsewhere(long eventId, Collection<Long> roomIds);
}
