package io.hallway.schedule;

import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an organizer sets on an event. On update, {@code version} (or If-Match) names the version changed. */
public record EventRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be 2 to 63 lowercase letters, digits or dashes") String slug,
        @NotBlank @Size(max = 200) String name,
        @NotBlank(message = "must be an IANA time zone such as America/Denver") String timeZone,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @Size(max = 200) String venueName,
        @Size(max = 500) String venueAddress,
        @Size(max = 10_000) String description,
        Boolean published,
        Map<String, @NotNull @jakarta.validation.constraints.Positive Integer> durationLimits,
        @Schema(description = "immediate: every change is public at once; manual: changes wait in a draft for the next release. Left out: unchanged (immediate for a new event)")
        ReleaseMode releaseMode,
        Long version) {
}
