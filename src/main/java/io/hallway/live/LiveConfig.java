package io.hallway.live;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hallway.live")
public interface LiveConfig {

    /**
     * How long a replica serves the live document and the reports behind expected times before reading them
     * again: the longest a delay reported through another replica goes unseen here.
     */
    @WithDefault("5s")
    Duration refreshInterval();

    /** How far a bookmarked session's expected start must move before its followers' change feed says so. */
    @WithDefault("5m")
    Duration changeThreshold();

    /** How often one replica brings announcements that have started to their audience's change feeds. */
    @WithDefault("30s")
    Duration announcementDeliveryInterval();
}
