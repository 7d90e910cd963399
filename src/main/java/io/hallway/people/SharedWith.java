package io.hallway.people;

/**
 * Whether a person gives another their {@code connections} fields: true while both keep a connection in which
 * the owner shares. Answered by the feature that keeps connections.
 */
public interface SharedWith {

    boolean sharesWith(long eventId, long ownerId, long viewerId);
}
