package io.hallway.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.hallway.audit.AuditAction;
import io.hallway.audit.AuditLog;
import io.hallway.audit.AuditResource;
import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Draft and released schedules. In release mode manual the tables are the draft; a release stores the draft as
 * the next public version, with the sessions it changed counted against the release before it, and announces
 * the sessions it changed together ({@link SessionsChanged}). The public version is {@link Event#releasedVersion}.
 */
@ApplicationScoped
public class ScheduleReleases {

    /** What the next release would contain, against the last one. */
    public record Pending(String lastRelease, boolean anythingToRelease, ReleaseCounts sessions) {
    }

    /** The name of the release made when an event enters manual mode, the first time. */
    static final String INITIAL = "initial";

    @Inject
    ScheduleChanges changes;

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    AuditLog audit;

    /**
     * Releases the draft as the next public version, in one transaction under the event's lock, so two
     * concurrent releases cannot both win. 409 when the event is not in manual mode, the name is taken or the
     * draft is what the public sees already.
     */
    @Transactional
    ScheduleRelease release(String slug, String name, String comment) {
        Event event = changes.releasing(slug);
        if (event.releaseMode != ReleaseMode.MANUAL) {
            throw Problem.of(ProblemType.NOT_IN_MANUAL_MODE, "Every change to this event is public at once. Set "
                    + "releaseMode to manual (PUT /api/admin/events/" + event.slug + ") to release the schedule in versions.");
        }
        if (ScheduleRelease.named(event.id, name).isPresent()) {
            throw Problem.of(ProblemType.RELEASE_NAME_TAKEN, "This event has a release named '" + name
                    + "' already; choose another name.");
        }
        ScheduleRelease last = latest(event);
        ScheduleSnapshot previous = snapshots.parse(bytes(last));
        ScheduleSnapshots.Built draft = snapshots.draft(event.id);
        if (ScheduleComparison.same(previous, draft.snapshot())) {
            throw Problem.of(ProblemType.NOTHING_TO_RELEASE, "The draft is the schedule released as '" + last.name
                    + "'; change it before releasing.");
        }
        List<ScheduleComparison.SessionChange> sessions = ScheduleComparison.sessions(previous, draft.snapshot());
        ReleaseCounts counts = ReleaseCounts.of(sessions);
        ScheduleRelease release = store(event, name, comment, draft, counts);
        changes.announceReleased(event, release.scheduleVersion, sessions);
        audit.record(event.id, AuditAction.CREATE, AuditResource.RELEASE, release.id, last.scheduleVersion,
                release.scheduleVersion, new Audited(name, counts));
        return release;
    }

    /** What an audit entry keeps of a release. */
    record Audited(String name, ReleaseCounts sessions) {
    }

    /**
     * An event entering manual mode, in the transaction that switches it, with its settings flushed: the
     * public must keep seeing what it sees, so the tables as they are become the first release. Counted against
     * the release before it, if the event was in manual mode before, else against an empty schedule.
     */
    void enterManualMode(Event event) {
        ScheduleSnapshots.Built tables = snapshots.draft(event.id);
        Optional<ScheduleRelease> earlier = ScheduleRelease.before(event.id, Long.MAX_VALUE);
        ScheduleSnapshot previous = earlier.map(release -> snapshots.parse(bytes(release)))
                .orElseGet(() -> ScheduleComparison.nothing(tables.snapshot().event()));
        String name = earlier.isEmpty() ? INITIAL : INITIAL + "-v" + event.scheduleVersion;
        ReleaseCounts counts = ReleaseCounts.of(ScheduleComparison.sessions(previous, tables.snapshot()));
        ScheduleRelease release = store(event, name, "The schedule as it was when the event switched to releases.",
                tables, counts);
        audit.record(event.id, AuditAction.CREATE, AuditResource.RELEASE, release.id, null, release.scheduleVersion,
                new Audited(name, counts));
    }

    /** An event leaving manual mode, before it does: refused while the draft holds what the public has not seen. */
    void leaveManualMode(Event event) {
        ScheduleRelease last = latest(event);
        if (!ScheduleComparison.same(snapshots.parse(bytes(last)), snapshots.draft(event.id).snapshot())) {
            throw Problem.of(ProblemType.UNRELEASED_DRAFT, "The draft holds changes the public has not seen since '"
                    + last.name + "'. Release them (POST /api/admin/events/" + event.slug
                    + "/releases), or take them back, before switching to immediate.");
        }
    }

    /** What the next release of an event in manual mode would contain; none in immediate mode. */
    public Optional<Pending> pending(Event event) {
        if (event.releaseMode != ReleaseMode.MANUAL) {
            return Optional.empty();
        }
        // The caller's changes (an import's rows) must be in the tables the draft is read from.
        Event.flush();
        ScheduleRelease last = latest(event);
        ScheduleSnapshot previous = snapshots.parse(bytes(last));
        ScheduleSnapshot draft = snapshots.draft(event.id).snapshot();
        return Optional.of(new Pending(last.name, !ScheduleComparison.same(previous, draft),
                ReleaseCounts.of(ScheduleComparison.sessions(previous, draft))));
    }

    /**
     * The delta from the release at {@code since} to the released snapshot {@code to}; a 410 when no release was
     * at that version (a cursor from before the event switched to manual mode, or one of the draft).
     */
    ScheduleDelta delta(long eventId, long since, ScheduleSnapshot to, String snapshotPath) {
        ScheduleSnapshot from = QuarkusTransaction.requiringNew()
                .call(() -> ScheduleRelease.at(eventId, since).map(release -> snapshots.parse(bytes(release))))
                .orElseThrow(() -> ScheduleHistory.tooOld(snapshotPath));
        return ScheduleComparison.delta(from, to);
    }

    /** A release and what it changed against the one before it (everything added, for the first). */
    ReleaseChangesView changes(Event event, String name) {
        ScheduleRelease release = ScheduleRelease.namedOr404(event.id, name);
        Optional<ScheduleRelease> previous = ScheduleRelease.before(event.id, release.scheduleVersion);
        ScheduleSnapshot to = snapshots.parse(bytes(release));
        ScheduleSnapshot from = previous.map(earlier -> snapshots.parse(bytes(earlier)))
                .orElseGet(() -> ScheduleComparison.nothing(to.event()));
        return new ReleaseChangesView(ReleaseView.from(release, event.zone()),
                previous.map(earlier -> earlier.name).orElse(null), ScheduleComparison.sessions(from, to));
    }

    private static ScheduleRelease latest(Event event) {
        return ScheduleRelease.at(event.id, event.releasedVersion).orElseThrow();
    }

    private static ScheduleRelease store(Event event, String name, String comment, ScheduleSnapshots.Built draft,
            ReleaseCounts counts) {
        var release = new ScheduleRelease();
        release.event = event;
        release.name = name;
        release.comment = comment;
        release.scheduleVersion = draft.scheduleVersion();
        release.snapshot = new String(draft.json(), StandardCharsets.UTF_8);
        release.added = counts.added();
        release.moved = counts.moved();
        release.cancelled = counts.cancelled();
        release.removed = counts.removed();
        release.releasedAt = Instant.now();
        release.persist();
        event.releasedVersion = release.scheduleVersion;
        return release;
    }

    private static byte[] bytes(ScheduleRelease release) {
        return release.snapshot.getBytes(StandardCharsets.UTF_8);
    }
}
