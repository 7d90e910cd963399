package io.hallway.venue;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Closes or reopens one edge during the event. */
@Schema(name = "EdgeClosure")
public record EdgeClosure(
        @NotNull(message = "say whether the edge is closed") Boolean closed,
        @Schema(description = "When a closed edge opens again by itself; closed until reopened when absent") Instant closedUntil,
        @Schema(description = "The venue version this change is based on (optional; or If-Match)") Long version) {
}
