package io.hallway.interop;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.hallway.schedule.SessionKind;
import io.hallway.schedule.SessionStatus;
import io.hallway.schedule.Speaker;

/**
 * A schedule read from another tool, in Hallway's terms but still keyed by the source's ids. Readers
 * make one from a document; the importer brings an event in line with it.
 */
record ImportDocument(List<RoomItem> rooms, List<TrackItem> tracks, List<SpeakerItem> speakers,
        List<SessionItem> sessions, List<ImportReport.Skipped> skipped) {

    /** A room or a track: both are matched by their source id and known by a name unique in the event. */
    sealed interface NamedItem permits RoomItem, TrackItem {

        String sourceId();

        String name();
    }

    record RoomItem(String sourceId, String name) implements NamedItem {
    }

    record TrackItem(String sourceId, String name) implements NamedItem {
    }

    record SpeakerItem(String sourceId, String name, String title, String bio, String photoUrl,
            List<Speaker.Link> links) {
    }

    /**
     * One scheduled session. {@code guid} is the source's stable id where it has one; {@code blockTitle}
     * is set on lightning talks, which the importer groups into blocks.
     */
    record SessionItem(String sourceId, UUID guid, SessionKind kind, String title, String abstractText,
            String language, String level, List<String> tags, String trackSourceId, String roomSourceId,
            Instant startsAt, Instant endsAt, SessionStatus status, List<String> speakerSourceIds, String videoUrl,
            String blockTitle) {
    }
}
