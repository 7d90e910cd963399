package io.hallway.schedule;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import io.hallway.common.Problem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One released version of an event's schedule, with the snapshot the public saw from then on, as the exact JSON
 * served. Releases are never changed; they go with their event.
 */
@Entity
public class ScheduleRelease extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    public Event event;
    public String name;
    public String comment;
    public long scheduleVersion;
    /** Read only to serve or compare the release, not to list it. */
    @Basic(fetch = FetchType.LAZY)
    public String snapshot;
    public int added;
    public int moved;
    public int cancelled;
    public int removed;
    public Instant releasedAt;

    /** The release of this event at exactly this schedule version, if there is one. */
    static Optional<ScheduleRelease> at(long eventId, long scheduleVersion) {
        return find("event.id = ?1 and scheduleVersion = ?2", eventId, scheduleVersion).firstResultOptional();
    }

    /** The release this one follows: the latest one at an older version, if any. */
    static Optional<ScheduleRelease> before(long eventId, long scheduleVersion) {
        return find("event.id = ?1 and scheduleVersion < ?2 order by scheduleVersion desc", eventId, scheduleVersion)
                .firstResultOptional();
    }

    static Optional<ScheduleRelease> named(long eventId, String name) {
        return find("event.id = ?1 and name = ?2", eventId, name).firstResultOptional();
    }

    /** This event's release of that name, or a 404. */
    static ScheduleRelease namedOr404(long eventId, String name) {
        return named(eventId, name).orElseThrow(() -> Problem.notFound("No release '" + name + "' in this event."));
    }
}
