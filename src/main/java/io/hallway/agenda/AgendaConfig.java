package io.hallway.agenda;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hallway.agenda")
public interface AgendaConfig {

    /** Share of a room's capacity from which a session is "filling"; at 100% it is "full". */
    @WithDefault("0.75")
    double fillingThreshold();

    /** How many sessions the organizer statistics rank by bookmarks. */
    @WithDefault("20")
    int rankingSize();

    /** How long calendar apps and proxies may reuse a calendar feed before asking again. */
    @WithDefault("15m")
    Duration calendarMaxAge();

    /** How long apps and proxies may reuse the bookmark counts and fill levels. */
    @WithDefault("30s")
    Duration fillMaxAge();
}
