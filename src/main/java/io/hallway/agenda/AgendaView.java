package io.hallway.agenda;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.util.RawValue;

import io.hallway.schedule.SessionKind;
import io.hallway.schedule.SessionStatus;

/**
 * A person's plan for an event: bookmarked sessions and blocks in time order, the pairs that overlap,
 * and the free time between one and the next, all by the times they are now expected at (the planned ones
 * unless a room's host reported a delay). Each item comes already written as JSON, the same for everyone who
 * bookmarked it (see {@link Agendas.Index}).
 */
public record AgendaView(String event, String timeZone, String cursor,
        @Schema(type = SchemaType.ARRAY, implementation = Item.class) List<RawValue> items, List<Conflict> conflicts,
        List<Gap> gaps,
        @Schema(description = "My accepted meet-ups, in time order; a conflict names one by its itemId (meeting-12)") List<Meeting> meetings) {

    /** An accepted meet-up with another attendee, at a place on the venue map when it has one. */
    public record Meeting(String itemId, long id, OffsetDateTime startsAt, OffsetDateTime endsAt, String withName,
            String placeId, String placeName,
            @Schema(description = "Why a later change left one of us without the time for it, in my words: a session I follow by its title, one only the other person follows unnamed; null while it fits") String noLongerFits) {
    }

    /**
     * A bookmarked session ("session-12") or a whole lightning block ("block-3"): {@code startsAt} and
     * {@code endsAt} as planned, {@code expectedStartsAt} and {@code expectedEndsAt} as now expected.
     */
    public record Item(String itemId, String type, long id, String title, SessionKind kind, SessionStatus status,
            OffsetDateTime startsAt, OffsetDateTime endsAt, RoomRef room, List<String> speakers, Long blockId,
            List<Talk> talks, OffsetDateTime expectedStartsAt, OffsetDateTime expectedEndsAt,
            @Schema(description = "Minutes the expected start is behind the planned one") long delayMinutes) {
    }

    public record RoomRef(long id, String name, String levelName, String liveStatus) {
    }

    /** A talk inside a bookmarked block; it moves with the block. */
    public record Talk(long id, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, SessionStatus status,
            OffsetDateTime expectedStartsAt, OffsetDateTime expectedEndsAt) {
    }

    /** Two items that run at the same time, as now expected, for this many minutes. */
    public record Conflict(String first, String second, long overlapMinutes) {
    }

    /**
     * Free time between one item's expected end and the next one's expected start, and as planned. Where the room
     * changes and the venue map knows both rooms, the walk between them, whether the gap leaves time for it, and
     * whether it did as planned but no longer does; null otherwise.
     */
    public record Gap(String after, String before, long freeMinutes, boolean roomChange, Long walkingSeconds,
            Boolean enoughTime, long plannedFreeMinutes,
            @Schema(description = "The walk fitted the planned gap but no longer fits the expected one; null where the walk is unknown") Boolean becameTooShort) {
    }
}
