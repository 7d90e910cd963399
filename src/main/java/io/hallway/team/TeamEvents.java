package io.hallway.team;

import java.util.OptionalLong;

import io.hallway.common.Problem;

/**
 * What the access check needs to know about events, implemented by the feature that owns them: the id behind
 * a slug, and the very problem an unknown slug is answered with, so that an event the caller is not on the team
 * of cannot be told apart from one that does not exist.
 */
public interface TeamEvents {

    /** The event's id, whether it is published or not. */
    OptionalLong idOf(String slug);

    /** The 404 for a slug no event has. */
    Problem unknown(String slug);
}
