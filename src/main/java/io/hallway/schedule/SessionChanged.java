package io.hallway.schedule;

/**
 * Fired, inside the changing transaction, whenever a session the public sees is created, changed or deleted:
 * before is null for a new session, after is null for a deleted one. In release mode immediate that is every
 * change; in manual mode a draft change fires nothing and a release fires one per session it changed, with the
 * session as in the previous release and as released, at the released version. Features that follow sessions
 * (such as attendees' agendas) observe it rather than reach into the schedule's write paths.
 */
public record SessionChanged(long eventId, long sessionId, long revision, SessionView before, SessionView after) {
}
