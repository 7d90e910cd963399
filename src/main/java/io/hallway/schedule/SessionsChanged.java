package io.hallway.schedule;

import java.util.List;

/**
 * Fired, inside the changing transaction, whenever sessions the public sees are created, changed or deleted, all at
 * one schedule version. In release mode immediate that is every change, one session at a time; in manual mode a
 * draft change fires nothing and a release fires once for every session it changed, each as in the previous release
 * and as released. Features that follow sessions (such as attendees' agendas) observe it rather than reach into the
 * schedule's write paths, and take a release's sessions together: one statement for all of them, not one each.
 */
public record SessionsChanged(long eventId, long revision, List<Change> changes) {

    /** One session's change: {@code before} null for a new session, {@code after} null for a deleted one. */
    public record Change(long sessionId, SessionView before, SessionView after) {
    }
}
