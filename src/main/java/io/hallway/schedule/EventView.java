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

    public static EventView from(Event event) {
        return new EventView(event.slug, event.name, event.timeZone, event.startDate, event.endDate, event.venueName,
                event.venueAddress, event.description, event.published, java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(event.durationLimits)),
                event.releaseMode, event.scheduleVersion, event.version);
    }
}
