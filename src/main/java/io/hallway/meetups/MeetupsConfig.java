package io.hallway.meetups;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of meet-up requests ({@code hallway.meetups.*}). */
@ConfigMapping(prefix = "hallway.meetups")
public interface MeetupsConfig {

    /** Requests a person may have waiting for an answer at once in an event; one more is a 409. */
    @WithDefault("10")
    int pendingPerPerson();

    /** Requests a person may send per minute in an event, counted in PostgreSQL like scans; one more is a 429. */
    @WithDefault("10")
    int requestsPerMinute();

    /** Slots proposed with a request. */
    @WithDefault("3")
    int slotsProposed();
}
