package io.hallway.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One typed link on a profile, such as a GitHub account; named in the contract apart from a speaker's link. */
@Schema(name = "ProfileLink")
public record Link(
        @NotNull(message = "is required") LinkType type,
        @NotBlank(message = "must not be empty") @Size(max = 2048, message = "must be at most 2048 characters") String url) {
}
