package io.hallway.interop;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.hallway.schedule.ScheduleReleases;

/**
 * What an import did, or with {@code dryRun} would do: counts over rooms, tracks, speakers, lightning
 * blocks and sessions, every change made, and every item left out with the reason. For an event in release
 * mode manual, whose import lands in the draft, {@code nextRelease} says what releasing the draft would
 * make public, against the last release; absent in immediate mode, where the import is public at once.
 */
public record ImportReport(
        String source,
        boolean dryRun,
        int created,
        int updated,
        int unchanged,
        int removed,
        int skippedCount,
        long scheduleVersion,
        List<Change> changes,
        List<Skipped> skipped,
        @JsonInclude(JsonInclude.Include.NON_NULL) ScheduleReleases.Pending nextRelease) {

    public enum Action {
        created, updated, removed
    }

    /** One item created, updated or removed; {@code kind} is session, speaker, room, track or block. */
    public record Change(Action action, String kind, String sourceId, String name) {
    }

    /** One item the import left out, and why. */
    public record Skipped(String kind, String sourceId, String name, String reason) {
    }
}
