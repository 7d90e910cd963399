package io.hallway.schedule;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;


/**
 * A session as an organizer writes it. Times need an offset. For a lightning talk inside a block, leave
 * out the times and room: they follow from its place in the block.
 */
public record SessionRequest(
        @NotNull SessionKind kind,
        @NotBlank @Size(max = 300) String title,
        @JsonProperty("abstract") @Size(max = 10_000) String abstractText,
        @Size(max = 35) String language,
        @Size(max = 50) String level,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
        Long trackId,
        Long roomId,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        @Size(max = 20) List<Long> speakerIds,
        SessionStatus status,
        @Pattern(regexp = WebUrl.PATTERN, message = WebUrl.MESSAGE) @Size(max = 2_000) String slidesUrl,
        @Pattern(regexp = WebUrl.PATTERN, message = WebUrl.MESSAGE) @Size(max = 2_000) String videoUrl,
        Long version) {
}
