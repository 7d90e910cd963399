package io.hallway.people;

/** A person saved their profile in an event, in the saving transaction: what others derived from it may be stale. */
public record ProfileSaved(long eventId, long userId) {
}
