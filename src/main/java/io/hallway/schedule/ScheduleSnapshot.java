package io.hallway.schedule;

import java.util.List;

/**
 * The whole published schedule of an event in one document: what the app stores for offline use.
 * {@code cursor} is where the delta feed continues from.
 */
public record ScheduleSnapshot(
        EventView event,
        long scheduleVersion,
        String cursor,
        List<RoomView> rooms,
        List<TrackView> tracks,
        List<SpeakerView> speakers,
        List<SessionView> sessions,
        List<BlockView> blocks) {
}
