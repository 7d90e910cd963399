package io.hallway.team;

import java.time.Duration;

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

    /**
     * How long an invitation stays valid when its owner names no validity; at most
     * {@link InvitationRequest#MAX_VALID_DAYS} days, or the service does not start.
     */
    @WithDefault("7d")
    Duration invitationValidity();
}
