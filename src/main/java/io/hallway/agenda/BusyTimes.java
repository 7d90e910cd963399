package io.hallway.agenda;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.schedule.SessionStatus;
import io.hallway.schedule.SessionView;

/**
 * When a person is taken in an event, for features that place something in their free time (meet-ups): their
 * bookmarked sessions and blocks that still take place, at the times now expected (a room running late moves
 * them), and each day's opening hours. Read from the same snapshot and bookmarks as the agenda itself.
 */
@ApplicationScoped
public class BusyTimes {

    /** A bookmarked item as now expected, and the schedule room it is in (null for one without a room). */
    public record Busy(String itemId, Instant startsAt, Instant endsAt, Long roomId) {
    }

    /** One day of the event, from the expected start of its first session to the expected end of its last. */
    public record Day(Instant opens, Instant closes) {
    }

    /** A person's busy times and the event's days, from one schedule version. */
    public record Plan(long eventId, ZoneId zone, List<Busy> busy, List<Day> days) {
    }

    @Inject
    Agendas agendas;

    public Plan of(String slug, long userId) {
        return plan(agendas.expected(slug, userId));
    }

    /**
     * The plan as the database holds the schedule, the hosts' reports and the bookmarks right now, past what this
     * replica remembers: for a check made just after a change committed. Empty for an event not published.
     */
    public Optional<Plan> now(long eventId, long userId) {
        return agendas.expectedNow(eventId, userId).map(BusyTimes::plan);
    }

    private static Plan plan(Agendas.Expected expected) {
        List<Busy> busy = expected.live().stream().map(item -> new Busy(item.itemId(),
                item.expectedStartsAt().toInstant(), item.expectedEndsAt().toInstant(),
                item.room() == null ? null : item.room().id())).toList();
        ZoneId zone = ZoneId.of(expected.built().snapshot().event().timeZone());
        Map<LocalDate, Day> days = new TreeMap<>();
        for (SessionView session : expected.built().snapshot().sessions()) {
            if (session.status() != SessionStatus.SCHEDULED || session.startsAt() == null) {
                continue;
            }
            Instant start = expected.times().session(session.id()).map(t -> t.expectedStart())
                    .orElse(session.startsAt().toInstant());
            Instant end = expected.times().session(session.id()).map(t -> t.expectedEnd())
                    .orElse(session.endsAt().toInstant());
            days.merge(start.atZone(zone).toLocalDate(), new Day(start, end), (a, b) -> new Day(
                    a.opens().isBefore(b.opens()) ? a.opens() : b.opens(),
                    a.closes().isAfter(b.closes()) ? a.closes() : b.closes()));
        }
        return new Plan(expected.built().eventId(), zone, busy, List.copyOf(days.values()));
    }
}
