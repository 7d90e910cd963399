package io.hallway.schedule;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A release of the draft: a name unique in the event (it appears in URLs) and an optional public comment. */
public record ReleaseRequest(
        @NotNull(message = "is required, such as v3 or final") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}", message = "must be 1 to 40 letters, digits, dots, dashes or underscores, starting with a letter or digit") String name,
        @Size(max = 2000) String comment) {
}
