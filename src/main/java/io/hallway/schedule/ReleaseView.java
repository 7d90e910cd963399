package io.hallway.schedule;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** A released version of the schedule: its name, public comment, the schedule version it made public and its counts. */
public record ReleaseView(String name, String comment, long scheduleVersion, OffsetDateTime releasedAt,
        ReleaseCounts sessions) {

    static ReleaseView from(ScheduleRelease release, ZoneId zone) {
        return new ReleaseView(release.name, release.comment, release.scheduleVersion,
                release.releasedAt.atZone(zone).toOffsetDateTime(),
                new ReleaseCounts(release.added, release.moved, release.cancelled, release.removed));
    }
}
