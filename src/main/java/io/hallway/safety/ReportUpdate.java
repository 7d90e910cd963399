package io.hallway.safety;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the owners move a report on. */
public record ReportUpdate(
        @NotNull(message = "must be given") ReportStatus status,
        @Schema(description = "The owners' note; left out or blank removes it")
        @Size(max = 4000, message = "must be at most 4000 characters")
        @Pattern(regexp = "[^\\u0000]*", message = "must not contain NUL characters") String internalNote,
        @Schema(description = "The version read, unless sent as If-Match") Long version) {
}
