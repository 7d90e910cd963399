package io.hallway.team;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hallway.team")
public interface TeamConfig {

    /**
     * How long an invitation stays valid when its owner names no validity; at most
     * {@link InvitationRequest#MAX_VALID_DAYS} days, or the service does not start.
     */
    @WithDefault("7d")
    Duration invitationValidity();
}
