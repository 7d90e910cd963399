package io.hallway.schedule;

import java.util.List;


/**
 * What changed in a published schedule between two versions: every created or changed row in full,
 * and a tombstone for every deleted one. Applied to the snapshot at {@code fromVersion} it gives the
 * snapshot at {@code scheduleVersion}; {@code cursor} is where to continue from.
 */
public record ScheduleDelta(EventView event, long fromVersion, long scheduleVersion, String cursor,
        List<RoomView> rooms, List<TrackView> tracks, List<SpeakerView> speakers, List<SessionView> sessions,
        List<BlockView> blocks, List<Tombstone> deleted) {

    /** A deleted row: its kind (session, speaker, room, track, block) and id. */
    public record Tombstone(String kind, long id) {
    }
}
