package io.hallway.schedule;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hallway.schedule")
public interface ScheduleConfig {

    /** How long apps and proxies may reuse a schedule response before revalidating it with its ETag. */
    @WithDefault("30s")
    Duration cacheMaxAge();
}
