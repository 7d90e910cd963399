package io.hallway.meetups;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the meet-up endpoints: exactly the fields a caller may set. */
public final class MeetingRequest {

    private MeetingRequest() {
    }

    /** Ask someone to meet: whom (their directory profile id), for how long, and why. */
    public record Ask(@NotNull(message = "is required") Long profileId,
            @NotNull(message = "is required") @Schema(enumeration = { "15", "30" }) Integer minutes,
            @Size(max = 500, message = "must be at most 500 characters") String message) {
    }

    /** Accept one of the proposed slots, by its index. */
    public record Accept(@NotNull(message = "is required") @Min(value = 0, message = "must be 0 or more")
            @Max(value = 9, message = "must be one of the slots' indexes") Integer slotIndex) {
    }

    /** Propose another time, and a meeting place if I have one in mind; otherwise the best for both. */
    public record Propose(@NotNull(message = "is required") OffsetDateTime startsAt,
            @Size(max = 100, message = "must be at most 100 characters") String placeId) {
    }

    public record Settings(@NotNull(message = "is required") WhoMayAsk whoMayAsk) {
    }
}
