package io.hallway.venue;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hallway.venue")
public interface VenueConfig {

    /** Default walking speeds in m/s; a venue document may override them. */
    Speeds speed();

    /** Time added to each avoided edge (avoid=stairs), so it is used only when nothing reasonable is left. */
    @WithDefault("5m")
    Duration avoidPenalty();

    /** How often each replica checks the stored venue versions and reloads changed graphs. */
    @WithDefault("5s")
    Duration refreshInterval();

    /** Start of the link a "you are here" QR code encodes; the app opens it and routes from that node. */
    @WithDefault("https://hallway.app/open")
    String appLinkBase();

    /** Largest venue accepted, in nodes, so one upload cannot exhaust the memory of every replica. */
    @WithDefault("50000")
    int maxNodes();

    interface Speeds {
        @WithDefault("1.2")
        double walk();

        @WithDefault("0.8")
        double slow();

        @WithDefault("1.5")
        double fast();

        @WithDefault("1.0")
        double stepFree();
    }
}
