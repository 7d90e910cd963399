package io.hallway.schedule;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hallway.schedule")
public interface ScheduleConfig {

    /** How long apps and proxies may reuse a schedule response before revalidating it with its ETag. */
    @WithDefault("30s")
    Duration cacheMaxAge();

    /**
     * How long a replica answers from the schedule version it last read before reading it again. Changes
     * made on other replicas show up within this interval; changes made on this one at once.
     */
    @WithDefault("1s")
    Duration versionCheckInterval();

    /**
     * Events whose latest built snapshot (with its renditions and agenda index) each replica keeps in memory;
     * one evicted is built again on its next request.
     */
    @WithDefault("64")
    int snapshotCacheSize();

    /**
     * Schedule deltas each replica keeps in memory, across all events: the ones many apps ask for together
     * right after an organizer change. 0 keeps none.
     */
    @WithDefault("256")
    int deltaCacheSize();

    /**
     * Deltas are kept only for cursors at most this many versions behind the current one; a delta from an
     * older cursor is read from the database for each request.
     */
    @WithDefault("32")
    int deltaCacheVersions();
}
