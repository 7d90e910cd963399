package io.hallway.schedule;

/**
 * Fired, inside the changing transaction, whenever a session is created, changed or deleted: before is
 * null for a new session, after is null for a deleted one. Features that follow sessions (such as
 * attendees' agendas) observe it rather than reach into the schedule's write paths.
 */
public record SessionChanged(long eventId, long sessionId, long revision, SessionView before, SessionView after) {
}
