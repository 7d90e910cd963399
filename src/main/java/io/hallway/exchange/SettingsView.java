package io.hallway.exchange;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The people settings of an event as an organizer reads and writes them. */
public final class SettingsView {

    private SettingsView() {
    }

    public record Settings(boolean exchangeEnabled, int retentionDays, long tokenLifetimeSeconds,
            /** When an organizer may purge the event's profiles and connections. */
            Instant purgeableFrom, long version) {
    }

    public record Change(
            @NotNull(message = "say true or false") Boolean exchangeEnabled,
            @NotNull(message = "must be set") @Min(value = 0, message = "must be 0 or more") @Max(value = 3650, message = "must be at most 3650") Integer retentionDays,
            /** Null: the server's default lifetime. */
            @Min(value = 30, message = "must be at least 30") @Max(value = 3600, message = "must be at most 3600") Integer tokenLifetimeSeconds,
            Long version) {
    }
}
