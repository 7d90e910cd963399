package io.hallway.speakers;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.hallway.team.InvitationRequest;

/** For how many days the link works (hallway.speakers.invitation-validity, 14 days, when left out). */
public record SpeakerInvitationRequest(
        @Min(value = 1, message = "must be at least 1") @Max(value = InvitationRequest.MAX_VALID_DAYS, message = "must be at most " + InvitationRequest.MAX_VALID_DAYS) Integer validForDays) {
}
