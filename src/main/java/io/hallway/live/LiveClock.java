package io.hallway.live;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The server's now for the live day: which session is in progress when a host says "running late", which
 * sessions the live document still lists. A bean of its own so that tests can fix the instant.
 */
@ApplicationScoped
public class LiveClock {

    public Instant now() {
        return Instant.now();
    }
}
