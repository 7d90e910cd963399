package io.hallway.people;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hallway.people")
public interface PeopleConfig {

    /**
     * How often one replica purges the personal data of every event whose retention period is over, such as
     * "1h"; "off" never does (organizers still can). Read by {@link RetentionPurge}'s schedule.
     */
    @WithDefault("1h")
    String purgeEvery();
}
