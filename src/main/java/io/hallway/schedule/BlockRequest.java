package io.hallway.schedule;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A lightning-talk block: its slot in a room. Its talks are added and ordered separately. */
public record BlockRequest(
        @NotBlank @Size(max = 300) String title,
        @NotNull Long roomId,
        @NotNull OffsetDateTime startsAt,
        @NotNull OffsetDateTime endsAt,
        Long version) {
}
