package io.hallway.agenda;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An attendee's rating of a session they attended, with an optional remark. */
public record FeedbackRequest(
        @NotNull(message = "is required") @Min(value = 1, message = "must be 1 to 5") @Max(value = 5, message = "must be 1 to 5") Integer rating,
        @Size(max = 2000, message = "must be at most 2000 characters") String comment) {
}
