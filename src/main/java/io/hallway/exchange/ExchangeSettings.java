package io.hallway.exchange;

import java.time.Duration;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An organizer's switches for the people features of one event. */
@Entity
public class ExchangeSettings extends PanacheEntityBase {

    @Id
    public Long eventId;
    public boolean exchangeEnabled = true;
    public int retentionDays;
    /** Null: the configured default lifetime. */
    public Integer tokenLifetimeSeconds;
    @Version
    public long version;

    /** The event's settings, or the defaults (not stored) when an organizer never set any. */
    static ExchangeSettings of(long eventId, ExchangeConfig config) {
        ExchangeSettings settings = findById(eventId);
        if (settings == null) {
            settings = new ExchangeSettings();
            settings.eventId = eventId;
            settings.retentionDays = config.retentionDays();
        }
        return settings;
    }

    Duration tokenLifetime(ExchangeConfig config) {
        return tokenLifetimeSeconds == null ? config.tokenLifetime() : Duration.ofSeconds(tokenLifetimeSeconds);
    }
}
