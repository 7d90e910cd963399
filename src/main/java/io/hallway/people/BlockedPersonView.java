package io.hallway.people;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person I blocked, as I see them now. */
public record BlockedPersonView(
        @Schema(description = "Their profile's id (the attendee id of the directory); absent when they have no profile in the event any more")
        @JsonInclude(JsonInclude.Include.NON_NULL) Long profileId,
        @Schema(description = "Their display name as I may see it; absent when they do not show it to me")
        @JsonInclude(JsonInclude.Include.NON_NULL) String displayName,
        OffsetDateTime blockedAt) {
}
