package io.hallway.agenda;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hallway.venue.RouteView;

/** The way to my next talk and whether I will make it. */
@Schema(name = "NextRoute")
public record NextRouteView(
        NextSession session,
        @Schema(description = "The instant the answer is for (the request's \"at\", or now)") OffsetDateTime at,
        @Schema(description = "When the session is now expected to start: the planned start unless its room runs late") OffsetDateTime startsAt,
        OffsetDateTime plannedStartsAt,
        @Schema(description = "Minutes the expected start is behind the planned one") long delayMinutes,
        @Schema(description = "The latest moment to set off: the expected start minus the walking time") OffsetDateTime leaveBy,
        @Schema(description = "Seconds to spare on arrival; negative when late") long slackSeconds,
        boolean onTime,
        RouteView route) {

    public record NextSession(long id, String title, String room) {
    }
}
