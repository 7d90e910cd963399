package io.hallway.live;

import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An announcement as organizers and hosts write it: plain text, how loud, for whom and when. startsAt left out
 * means now. version is the one read, for an update without If-Match.
 */
public record AnnouncementRequest(
        @NotBlank @Size(max = 120) String title,
        @NotBlank @Size(max = 2000) String body,
        @NotNull AnnouncementSeverity severity,
        @NotNull @Valid Audience audience,
        OffsetDateTime startsAt,
        @NotNull OffsetDateTime endsAt,
        Long version) {

    /** Whom it is for: everyone, or the one room, level or session its kind names (and nothing else). */
    public record Audience(
            @NotNull AudienceKind kind,
            Long roomId,
            @Size(max = 100) String level,
            Long sessionId) {
    }
}
