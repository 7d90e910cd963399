package io.hallway.schedule;

import java.util.List;

/**
 * Sessions (lightning talks included) that a release changed against the one before it: new ones, ones moved in
 * time or room, ones cancelled, ones deleted. A session counts once: cancelled wins over moved. Other changes (a
 * title, the speakers) are in the release's changelog but in none of these counts.
 */
public record ReleaseCounts(int added, int moved, int cancelled, int removed) {

    static ReleaseCounts of(List<ScheduleComparison.SessionChange> changes) {
        int added = 0;
        int moved = 0;
        int cancelled = 0;
        int removed = 0;
        for (ScheduleComparison.SessionChange change : changes) {
            List<String> kinds = change.changes();
            if (kinds.contains(ScheduleComparison.ADDED)) {
                added++;
            } else if (kinds.contains(ScheduleComparison.REMOVED)) {
                removed++;
            } else if (kinds.contains(ScheduleComparison.CANCELLED)) {
                cancelled++;
            } else if (kinds.contains(ScheduleComparison.TIME) || kinds.contains(ScheduleComparison.ROOM)) {
                moved++;
            }
        }
        return new ReleaseCounts(added, moved, cancelled, removed);
    }
}
