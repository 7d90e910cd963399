package io.hallway.schedule;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record TrackRequest(
        @NotBlank @Size(max = 100) String name,
        @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour such as #1f6feb") String color,
        Long version) {
}
