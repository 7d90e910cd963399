package io.hallway.safety;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an attendee tells the organizers. */
public record ReportRequest(
        @Schema(description = "The person it is about: their attendee id in the directory. Left out for a report about a situation.")
        Long reportedProfileId,
        @Schema(description = "What happened, in the reporter's words")
        @NotBlank(message = "must not be blank") @Size(max = 4000, message = "must be at most 4000 characters")
        @Pattern(regexp = "[^\\u0000]*", message = "must not contain NUL characters") String whatHappened,
        @Schema(description = "When it happened: within the event's days, a day either side (calendar days in the event's time zone)")
        @NotNull(message = "must be given") OffsetDateTime happenedAt,
        @Schema(description = "A session of the event it happened in or around")
        Long sessionId,
        @Schema(description = "Where it happened, in the reporter's words")
        @Size(max = 200, message = "must be at most 200 characters")
        @Pattern(regexp = "[^\\u0000]*", message = "must not contain NUL characters") String place) {
}
