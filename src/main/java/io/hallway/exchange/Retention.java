package io.hallway.exchange;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.people.RetentionPeriods;
import io.hallway.schedule.Event;

/** Each event's retention period, from its exchange settings or the configured default. */
@ApplicationScoped
class Retention implements RetentionPeriods {

    @Inject
    ExchangeConfig config;

    @Override
    public Instant purgeableFrom(long eventId) {
        return purgeableFrom(Event.findById(eventId), ExchangeSettings.of(eventId, config));
    }

    /** The end of the event's last day, in its own time zone, plus the retention days. */
    static Instant purgeableFrom(Event event, ExchangeSettings settings) {
        return event.closesAt().plus(Duration.ofDays(settings.retentionDays));
    }
}
