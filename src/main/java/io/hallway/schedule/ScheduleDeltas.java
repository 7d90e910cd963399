package io.hallway.schedule;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.hallway.common.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What changed in the published schedule since a cursor. An up-to-date cursor, the usual poll, is answered
 * from memory; the deltas that every app asks for right after an organizer change are made once per replica
 * and kept, within the bounds of {@link RecentDeltas}. In release mode immediate a delta is read from the
 * tables (rows changed since the cursor's version, and tombstones); in manual mode, where the tables hold the
 * draft, it is the difference between the release at the cursor's version and the latest one. The mode is
 * taken from the event row read with the tables, not from the version this replica remembers, which may be
 * from before a switch to manual mode: a delta never leads past {@link Event#publicVersion()}.
 */
@ApplicationScoped
class ScheduleDeltas {

    private final RecentDeltas recent;

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    ScheduleHistory history;

    @Inject
    EntityManager entityManager;

    @Inject
    ScheduleCursors cursors;

    @Inject
    ScheduleReleases releases;

    @Inject
    ScheduleDeltas(ScheduleConfig config, MeterRegistry registry) {
        recent = new RecentDeltas(config.deltaCacheSize(), config.deltaCacheVersions(), registry);
    }

    ScheduleDelta since(String slug, String cursor) {
        String snapshotPath = "/api/events/" + slug + "/schedule";
        ScheduleSnapshots.Built built = snapshots.current(slug);
        ScheduleCursors.Position position = history.decode(built.eventId(), cursor);
        long since = position.version();
        if (since > built.scheduleVersion()) {
            // A cursor from a replica that has read a newer version than this one: read it now.
            built = snapshots.current(snapshots.currentVersion(slug));
            if (since > built.scheduleVersion()) {
                throw ScheduleHistory.notACursor();
            }
        }
        if (position.legacy()) {
            // Even at the current version: the snapshot gives the app a signed cursor to continue from.
            throw ScheduleHistory.tooOld(snapshotPath);
        }
        if (since == built.scheduleVersion()) {
            // Nothing changed, and a cursor of the current version is never older than the kept history.
            return new ScheduleDelta(built.snapshot().event(), since, since, built.snapshot().cursor(), List.of(),
                    List.of(), List.of(), List.of(), List.of(), List.of());
        }
        history.checkedSince(built.eventId(), position, snapshotPath);
        long eventId = built.eventId();
        ScheduleSnapshot released = built.snapshot();
        if (released.event().releaseMode() == ReleaseMode.MANUAL) {
            // The tables hold the draft: the delta is the difference between the two releases.
            return recent.get(eventId, since, released.scheduleVersion(),
                    () -> releases.delta(eventId, since, released, snapshotPath));
        }
        return recent.get(eventId, since, built.scheduleVersion(),
                () -> QuarkusTransaction.requiringNew().call(() -> read(eventId, since, snapshotPath)));
    }

    /** How many deltas this replica keeps, in all and of one event. */
    long cachedDeltas() {
        return recent.size();
    }

    long cachedDeltas(long eventId) {
        return recent.size(eventId);
    }

    private ScheduleDelta read(long eventId, long since, String snapshotPath) {
        // One snapshot for every query below, so they all see the schedule exactly at the version read
        // first. Repeatable read instead of a share lock on the event row: polled by every app, that lock
        // would make concurrent readers contend on the row's lock list.
        entityManager.createNativeQuery("set transaction isolation level repeatable read").executeUpdate();
        Event event = Event.<Event> find("id = ?1 and published = true", eventId).firstResultOptional()
                .orElseThrow(() -> Problem.notFound("This event is no longer published."));
        if (event.releasedVersion != null) {
            // Switched to manual mode (on another replica) since this replica last read the version: the tables
            // hold the draft now, so the delta leads to the latest release, the version the public sees.
            ScheduleRelease latest = ScheduleRelease.at(event.id, event.releasedVersion).orElseThrow();
            return releases.delta(event.id, since, snapshots.parse(latest.snapshot.getBytes(StandardCharsets.UTF_8)),
                    snapshotPath);
        }
        ScheduleReader.Rows changed = ScheduleReader.changedSince(event, since);
        List<ScheduleDelta.Tombstone> deleted = entityManager.createNativeQuery("""
                select kind, entity_id from schedule_tombstone where event_id = ?1 and revision > ?2
                order by revision, kind, entity_id""", ScheduleDelta.Tombstone.class)
                .setParameter(1, event.id).setParameter(2, since).getResultList();
        return new ScheduleDelta(EventView.from(event), since, event.scheduleVersion,
                cursors.encode(event.id, event.scheduleVersion), changed.rooms(), changed.tracks(), changed.speakers(),
                changed.sessions(), changed.blocks(), deleted);
    }
}
