package io.hallway.live;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.github.benmanes.caffeine.cache.Cache;

import io.hallway.common.ReplicaCaches;
import io.hallway.schedule.ScheduleSnapshots;
import io.hallway.schedule.SessionTimes;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * When each session of an event is now expected, for everything that shows times to attendees: the schedule's
 * live lists and "now" (through {@link SessionTimes}), the agenda, next-route and the live document. The hosts'
 * reports are read at most once per {@code hallway.live.refresh-interval} per replica, and at once on the replica
 * that took a report; the expected times are computed once per schedule version and set of reports.
 */
@ApplicationScoped
public class LiveTimes implements SessionTimes {

    /** An event's reports as read at one moment; compared by identity to know whether they were read again. */
    record Reports(Map<Propagation.UnitId, Propagation.Report> byUnit) {
    }

    private record Computed(long scheduleVersion, Reports reports, ExpectedTimes times,
            Map<Long, SessionTimes.Expected> forSchedule) {
    }

    /** Events whose reports and expected times a replica keeps; each is a few bytes per session. */
    private static final int EVENTS = 1_000;

    private final Cache<Long, Reports> reports;
    private final Cache<Long, Computed> computed;

    @Inject
    LiveTimes(LiveConfig config, MeterRegistry registry) {
        reports = ReplicaCaches.freshFor(config.refreshInterval(), "live_reports", EVENTS, registry);
        computed = ReplicaCaches.exact("live_expected_times", EVENTS, registry);
    }

    /** The expected times of this schedule version, with the reports read within the refresh interval. */
    public ExpectedTimes of(ScheduleSnapshots.Built built) {
        return computed(built).times();
    }

    /**
     * The expected times of this schedule version with the reports as stored now, past this replica's memory: for a
     * check made just after a report committed, before or after the memory of it is dropped.
     */
    public ExpectedTimes fresh(ScheduleSnapshots.Built built) {
        return ExpectedTimes.of(built.snapshot(), stored(built.eventId()).byUnit());
    }

    @Override
    public Map<Long, SessionTimes.Expected> expected(ScheduleSnapshots.Built built) {
        return computed(built).forSchedule();
    }

    private Computed computed(ScheduleSnapshots.Built built) {
        Reports current = reports.get(built.eventId(), this::stored);
        Computed known = computed.getIfPresent(built.eventId());
        if (known != null && known.scheduleVersion() == built.scheduleVersion() && known.reports() == current) {
            return known;
        }
        ExpectedTimes times = ExpectedTimes.of(built.snapshot(), current.byUnit());
        ZoneId zone = ZoneId.of(built.snapshot().event().timeZone());
        Map<Long, SessionTimes.Expected> forSchedule = new HashMap<>();
        times.sessions().forEach((id, timing) -> forSchedule.put(id, new SessionTimes.Expected(
                timing.expectedStart().atZone(zone).toOffsetDateTime(),
                timing.expectedEnd().atZone(zone).toOffsetDateTime(), timing.delayMinutes())));
        Computed fresh = new Computed(built.scheduleVersion(), current, times, Map.copyOf(forSchedule));
        computed.put(built.eventId(), fresh);
        return fresh;
    }

    /** The event's reports as stored now. */
    @Transactional
    Reports stored(long eventId) {
        Map<Propagation.UnitId, Propagation.Report> byUnit = new HashMap<>();
        LiveReport.ofEvent(eventId).forEach(report -> byUnit.put(report.unit(), report.report()));
        return new Reports(Map.copyOf(byUnit));
    }

    /** Forgets what this replica read of an event's reports, so that its next request reads them again. */
    void forget(long eventId) {
        reports.invalidate(eventId);
        computed.invalidate(eventId);
    }
}
