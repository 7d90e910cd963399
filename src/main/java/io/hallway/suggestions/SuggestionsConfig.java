package io.hallway.suggestions;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the pools suggestions are read from are built and kept ({@code hallway.suggestions.*}). */
@ConfigMapping(prefix = "hallway.suggestions")
public interface SuggestionsConfig {

    /** People kept in a person's pool; a request shows at most 50 of them. */
    @WithDefault("60")
    int poolSize();

    /**
     * Holders a pool build fans out to: the person's keys are taken rarest first while their holders add up to at
     * most this many. Bounds each build's cost; a key held by more never finds anybody, it only adds its points.
     */
    @WithDefault("500")
    int fanOutBudget();

    /** How often the worker looks for pools due to be built. */
    @WithDefault("5s")
    Duration refreshEvery();

    /** Pools built in one transaction of the worker. */
    @WithDefault("20")
    int refreshBatch();

    /** After a bookmark changes, the person's pool is built again this much later (more changes in between: once). */
    @WithDefault("1m")
    Duration bookmarkDelay();

    /** Every pool is built again this long after its last build, to find the people who changed since. */
    @WithDefault("6h")
    Duration rebuildEvery();

    /** The holders of each key are counted again when the count is older than this and pools are being built. */
    @WithDefault("10m")
    Duration countEvery();
}
