package io.hallway.speakers;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hallway.speakers")
public interface SpeakersConfig {

    /**
     * How long an invitation to link a speaker record stays valid when the organizer names no validity; at most
     * {@link io.hallway.team.InvitationRequest#MAX_VALID_DAYS} days, or the service does not start. Longer than
     * the team's: speakers are invited weeks before the event and answer when they travel.
     */
    @WithDefault("14d")
    Duration invitationValidity();
}
