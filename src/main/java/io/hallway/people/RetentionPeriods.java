package io.hallway.people;

import java.time.Instant;

/**
 * From when an event's personal data may be purged: the end of the event plus its retention period.
 * The retention period is one of the event's exchange settings, so the exchange feature answers.
 */
public interface RetentionPeriods {

    Instant purgeableFrom(long eventId);
}
