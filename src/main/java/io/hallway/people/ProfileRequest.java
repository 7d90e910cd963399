package io.hallway.people;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** My whole profile for an event; a field left out is cleared, a visibility left out is its default. */
public record ProfileRequest(
        @Size(min = 1, max = 80, message = "must be 1 to 80 characters") String displayName,
        @Size(max = 40, message = "must be at most 40 characters") String pronouns,
        @Size(max = 120, message = "must be at most 120 characters") String headline,
        @Size(max = 120, message = "must be at most 120 characters") String company,
        @Size(max = 1000, message = "must be at most 1000 characters") String bio,
        @Size(max = 10, message = "at most 10 interests")
        List<@NotBlank(message = "must not be empty") @Size(max = 32, message = "must be at most 32 characters") String> interests,
        @Size(max = 6, message = "at most 6 links") List<@Valid @NotNull(message = "must not be null") Link> links,
        @Size(max = 2048, message = "must be at most 2048 characters") String photoUrl,
        @Email(message = "must be an email address") @Size(max = 254, message = "must be at most 254 characters") String email,
        @Pattern(regexp = "\\+?[0-9 ().-]{5,30}", message = "must be a phone number such as +1 801 555 0100") String phone,
        @Valid ProfileVisibility visibility,
        /** Listed in the attendee directory (with the 'everyone' fields only). Off unless chosen. */
        Boolean inDirectory) {
}
