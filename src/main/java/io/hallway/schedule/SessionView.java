package io.hallway.schedule;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A session as apps see it; times carry the offset of the event's time zone. */
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
        long version) {

    public record SpeakerRef(long id, String name) {
    }

    public static SessionView from(Session session, ZoneId zone) {
        return new SessionView(session.id, session.guid, session.kind, session.title, session.abstract_,
                session.language, session.level, List.copyOf(session.tags), idOf(session.track), idOf(session.room),
                session.startsAt.atZone(zone).toOffsetDateTime(), session.endsAt.atZone(zone).toOffsetDateTime(),
                session.duration().toMinutes(), session.status,
                session.speakers.stream().map(s -> new SpeakerRef(s.id, s.name)).toList(),
                session.slidesUrl, session.videoUrl, session.block == null ? null : session.block.id,
                session.blockPosition, session.version);
    }

    private static Long idOf(Track track) {
        return track == null ? null : track.id;
    }

    private static Long idOf(Room room) {
        return room == null ? null : room.id;
    }
}
