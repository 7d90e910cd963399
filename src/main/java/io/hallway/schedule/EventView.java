package io.hallway.schedule;

import java.time.LocalDate;
import java.util.Map;

public record EventView(
        String slug,
        String name,
        String timeZone,
        LocalDate startDate,
        LocalDate endDate,
        String venueName,
        String venueAddress,
        String description,
        boolean published,
        Map<String, Integer> durationLimits,
        ReleaseMode releaseMode,
        long scheduleVersion,
        long version) {

    /** The event as its team sees it: in manual release mode, with the draft's schedule version. */
    public static EventView from(Event event) {
        return of(event, event.scheduleVersion);
    }

    /** The event as the public sees it: in manual release mode, with the last release's schedule version. */
    static EventView published(Event event) {
        return of(event, event.publicVersion());
    }

    private static EventView of(Event event, long scheduleVersion) {
        return new EventView(event.slug, event.name, event.timeZone, event.startDate, event.endDate, event.venueName,
                event.venueAddress, event.description, event.published,
                java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(event.durationLimits)),
                event.releaseMode, scheduleVersion, event.version);
    }
}
