package io.hallway.schedule;

/**
 * One feature's part of the organizer statistics of an event (GET /api/admin/events/{slug}/stats).
 * Each feature contributes a bean; the document holds one member per {@link #name()}. Sections hold
 * counts and aggregates only, never anything that identifies an attendee.
 */
public interface EventStatsSection {

    String name();

    Object compute(long eventId);
}
