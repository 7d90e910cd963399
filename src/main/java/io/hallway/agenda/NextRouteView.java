package io.hallway.agenda;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hallway.venue.RouteView;

/** The way to my next talk or meet-up, and whether I will make it. */
@Schema(name = "NextRoute")
public record NextRouteView(
        @Schema(description = "The session the route leads to; null when it leads to a meet-up") NextSession session,
        @Schema(description = "The accepted meet-up the route leads to, when it comes before my next session; null otherwise") NextMeeting meeting,
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

    /** A meet-up by its id and agenda item id, the other person as they show themselves to me, and its place. */
    public record NextMeeting(long id, String itemId, String withName, String placeId, String placeName) {
    }
}
