package io.hallway.schedule;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;


/**
 * A session as apps see it; times carry the offset of the event's time zone. {@code bookmarks} and
 * {@code fill} are live figures, counted within the last half minute, and the expected times follow the hosts'
 * delay reports: the public session lists, a single session, a speaker's sessions and "now" carry them; the
 * offline snapshot, its deltas and the organizer API leave them out, so that neither a bookmark nor a delay
 * changes the snapshot (apps poll {@code /fill} and {@code /live} next to it).
 */
public record SessionView(
        long id,
        UUID guid,
        SessionKind kind,
        String title,
        @JsonProperty("abstract") String abstractText,
        String language,
        String level,
        List<String> tags,
        Long trackId,
        Long roomId,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        long durationMinutes,
        SessionStatus status,
        List<SpeakerRef> speakers,
        String slidesUrl,
        String videoUrl,
        Long blockId,
        Integer blockPosition,
        long version,
        @Schema(description = "How many people bookmarked the session; live lists only")
        @JsonInclude(JsonInclude.Include.NON_NULL) Long bookmarks,
        @Schema(description = "available, filling (75% of the room's capacity bookmarked) or full; live lists only, and only where the room has a capacity")
        @JsonInclude(JsonInclude.Include.NON_NULL) String fill,
        @Schema(description = "When the session is now expected to start, after the delays its room's host reported; live lists only")
        @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime expectedStartsAt,
        @Schema(description = "When the session is now expected to end; live lists only")
        @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime expectedEndsAt,
        @Schema(description = "Minutes the expected start is behind the planned one (0 on time); live lists only")
        @JsonInclude(JsonInclude.Include.NON_NULL) Long delayMinutes) {

    public record SpeakerRef(long id, String name) {
    }

    public static SessionView from(Session session, ZoneId zone) {
        return new SessionView(session.id, session.guid, session.kind, session.title, session.abstract_,
                session.language, session.level, List.copyOf(session.tags), idOf(session.track), idOf(session.room),
                session.startsAt.atZone(zone).toOffsetDateTime(), session.endsAt.atZone(zone).toOffsetDateTime(),
                session.duration().toMinutes(), session.status,
                session.speakers.stream().map(s -> new SpeakerRef(s.id, s.name)).toList(),
                session.slidesUrl, session.videoUrl, session.block == null ? null : session.block.id,
                session.blockPosition, session.version, null, null, null, null, null);
    }

    /** This session with its live figures. */
    public SessionView withInterest(SessionInterest.Interest interest) {
        return new SessionView(id, guid, kind, title, abstractText, language, level, tags, trackId, roomId, startsAt,
                endsAt, durationMinutes, status, speakers, slidesUrl, videoUrl, blockId, blockPosition, version,
                interest.bookmarks(), interest.fill(), expectedStartsAt, expectedEndsAt, delayMinutes);
    }

    /** This session with the times it is now expected at. */
    public SessionView withExpected(SessionTimes.Expected expected) {
        return new SessionView(id, guid, kind, title, abstractText, language, level, tags, trackId, roomId, startsAt,
                endsAt, durationMinutes, status, speakers, slidesUrl, videoUrl, blockId, blockPosition, version,
                bookmarks, fill, expected.startsAt(), expected.endsAt(), expected.delayMinutes());
    }

    /** Where the session is now expected to start: the expected start in live lists, else the planned one. */
    public OffsetDateTime expectedOrPlannedStart() {
        return expectedStartsAt == null ? startsAt : expectedStartsAt;
    }

    public OffsetDateTime expectedOrPlannedEnd() {
        return expectedEndsAt == null ? endsAt : expectedEndsAt;
    }

    private static Long idOf(Track track) {
        return track == null ? null : track.id;
    }

    private static Long idOf(Room room) {
        return room == null ? null : room.id;
    }
}
