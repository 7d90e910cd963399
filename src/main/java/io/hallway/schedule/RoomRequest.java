package io.hallway.schedule;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

public record RoomRequest(
        @NotBlank @Size(max = 100) String name,
        @Positive Integer capacity,
        @Size(max = 100) String levelName,
        @Size(max = 500) String directions,
        @PositiveOrZero Integer position,
        Long version) {
}
