package io.hallway.agenda;

/**
 * Fired, inside the changing transaction, when a person added or removed a bookmark in an event (not for a no-op,
 * nor for the bookmarks a removed session takes with it). Features that match people on what they bookmarked
 * (the hallway track's pools) observe it rather than reach into the agenda's write paths.
 */
public record BookmarksChanged(long eventId, long userId) {
}
