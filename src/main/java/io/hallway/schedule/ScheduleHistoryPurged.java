package io.hallway.schedule;

/**
 * An event's change history was purged through a revision, in the purging transaction: features that keep
 * their own per-revision records of the schedule (the agenda's change feed) forget theirs too.
 */
public record ScheduleHistoryPurged(long eventId, long throughRevision) {
}
