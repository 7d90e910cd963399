package io.hallway.schedule;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;


public record SpeakerRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String company,
        @Size(max = 200) String title,
        @Size(max = 5_000) String bio,
        @Pattern(regexp = WebUrl.PATTERN, message = WebUrl.MESSAGE) @Size(max = 2_000) String photoUrl,
        @Size(max = 20) List<@Valid @NotNull WebLink> links,
        Long version) {

    public record WebLink(
            @NotBlank @Size(max = 100) String title,
            @NotBlank @Pattern(regexp = WebUrl.PATTERN, message = WebUrl.MESSAGE) @Size(max = 2_000) String url) {
    }
}
