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
 * and the free time between one and the next. Each item comes already written as JSON, the same for
 * everyone who bookmarked it (see {@link Agendas.Index}).
 */
public record AgendaView(String event, String timeZone, String cursor,
        @Schema(type = SchemaType.ARRAY, implementation = Item.class) List<RawValue> items, List<Conflict> conflicts,
        List<Gap> gaps) {

    /** A bookmarked session ("session-12") or a whole lightning block ("block-3"). */
    public record Item(String itemId, String type, long id, String title, SessionKind kind, SessionStatus status,
            OffsetDateTime startsAt, OffsetDateTime endsAt, RoomRef room, List<String> speakers, Long blockId,
            List<Talk> talks) {
    }

    public record RoomRef(long id, String name, String levelName, String liveStatus) {
    }

    /** A talk inside a bookmarked block. */
    public record Talk(long id, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, SessionStatus status) {
    }

    /** Two items that run at the same time, for this many minutes. */
    public record Conflict(String first, String second, long overlapMinutes) {
    }

    /**
     * Free time between one item's end and the next one's start. Where the room changes and the venue map
     * knows both rooms, the walk between them and whether the gap leaves time for it; null otherwise.
     */
    public record Gap(String after, String before, long freeMinutes, boolean roomChange, Long walkingSeconds,
            Boolean enoughTime) {
    }
}
