package io.hallway.schedule;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.LongFunction;

import jakarta.inject.Qualifier;

/**
 * One feature's member of an event-wide document for the organizers: the statistics ({@link Stats}) or the
 * archive ({@link Archive}). Each feature produces a bean with the qualifier of the document it joins; the
 * document holds one member per {@link #name()}, in name order.
 */
public record EventSection(String name, LongFunction<Object> content) {

    /**
     * A section of the organizer statistics (GET /api/admin/events/{slug}/stats): counts and aggregates only,
     * never anything that identifies an attendee.
     */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE })
    public @interface Stats {
    }

    /**
     * A section of the event's archive, the owner's export of everything the organizers made (GET
     * /api/admin/events/{slug}/archive). Attendees' own data is not the organizers' to take: it stays in each
     * person's own export.
     */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE })
    public @interface Archive {
    }

    public EventSection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }

    static Map<String, Object> document(Iterable<EventSection> sections, long eventId) {
        Map<String, Object> document = new TreeMap<>();
        for (EventSection section : sections) {
            document.put(section.name(), section.content().apply(eventId));
        }
        return document;
    }
}
