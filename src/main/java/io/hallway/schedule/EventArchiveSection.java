package io.hallway.schedule;

/**
 * One feature's part of an event's archive, the owner's export of everything the organizers made (GET
 * /api/admin/events/{slug}/archive). Each feature contributes a bean; the document holds one member per
 * {@link #name()}. Attendees' own data is not the organizers' to take: it stays in each person's own export.
 */
public interface EventArchiveSection {

    String name();

    Object export(long eventId);
}
