package io.hallway.live;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The small document an app polls during the event, next to the offline schedule: per room its status and
 * delay, and its sessions from the one in progress to the end of the day with planned and expected times and
 * fill levels. It carries no time of its own (no "generated at"), so its ETag changes only when what it says
 * does. Clients ignore members they do not know.
 */
@Schema(name = "Live")
public record LiveDocument(String event, String timeZone, List<RoomLive> rooms,
        @Schema(description = "The announcements showing now, newest first, with whom each is for") List<AnnouncementView> announcements) {

    @Schema(name = "LiveRoom")
    public record RoomLive(
            long id,
            String name,
            @Schema(description = "open, full or closed, as the organizers last said; null until they do") String liveStatus,
            @Schema(description = "Minutes the session in progress (or the next one today) is behind its plan; 0 on time") long delayMinutes,
            @Schema(description = "From the session in progress to the last one today, in order; lightning talks one by one") List<SessionLive> sessions) {
    }

    @Schema(name = "LiveSession")
    public record SessionLive(
            long id,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long blockId,
            OffsetDateTime plannedStartsAt,
            OffsetDateTime plannedEndsAt,
            OffsetDateTime expectedStartsAt,
            OffsetDateTime expectedEndsAt,
            @Schema(description = "Minutes the expected start is behind the planned one") long delayMinutes,
            @Schema(description = "available, filling or full; absent where the room has no capacity")
            @JsonInclude(JsonInclude.Include.NON_NULL) String fill) {
    }
}
