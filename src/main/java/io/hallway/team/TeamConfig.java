package io.hallway.team;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hallway.team")
public interface TeamConfig {

    /**
     * The realm role of the operator: who holds it sees and manages every event, including events without an
     * owner (every event from before teams). {@code Roles.ADMIN} reads the same key.
     */
    @WithDefault("admin")
    String adminRole();
}
