package io.hallway.exchange;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The small bodies of the connection endpoints. */
final class ConnectionRequests {

    private ConnectionRequests() {
    }

    /** What the camera read: the code, or the whole link with the code after '#'. */
    public record Scan(@NotBlank(message = "must not be empty") @Size(max = 512, message = "must be at most 512 characters") String token) {
    }

    /**
     * An offline code as the scanning app read it, and when: the phone's clock at the scan, with its offset, such as
     * 2024-11-12T10:15:30+01:00.
     */
    public record OfflineScan(
            @NotBlank(message = "must not be empty") @Size(max = 512, message = "must be at most 512 characters") String code,
            @NotNull(message = "say when the code was scanned, such as 2024-11-12T10:15:30+01:00") OffsetDateTime scannedAt) {
    }

    /** Whether I give this connection my 'connections' fields; nothing is shared back until I say so. */
    public record ShareBack(@NotNull(message = "say true or false") Boolean share) {
    }

    /** My private note; null or empty clears it. */
    public record Note(@Size(max = 2000, message = "must be at most 2000 characters") String note) {
    }

    public record Star(@NotNull(message = "say true or false") Boolean starred) {
    }
}
