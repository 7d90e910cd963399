package io.hallway.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.type.SqlTypes;

import io.hallway.common.Problem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One edition of a conference. Everything in the schedule hangs under an event. */
@Entity
public class Event extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String slug;
    public String name;
    public String timeZone;
    public LocalDate startDate;
    public LocalDate endDate;
    public String venueName;
    public String venueAddress;
    public String description;
    public boolean published;
    /** Longest allowed duration per kind in minutes; for lightning talks the exact duration. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Integer> durationLimits = new TreeMap<>();
    /** Bumped by every change to the schedule; the ETag and the delta cursor derive from it. */
    @OptimisticLock(excluded = true)
    public long scheduleVersion;
    public ReleaseMode releaseMode = ReleaseMode.IMMEDIATE;
    /**
     * In manual mode, the schedule version of the latest release, which is what the public sees; null in
     * immediate mode. A release does not change the event's settings, so it leaves {@code version} alone.
     */
    @OptimisticLock(excluded = true)
    public Long releasedVersion;
    @Version
    public long version;
    public Instant createdAt;
    public Instant updatedAt;

    public static final Map<String, Integer> DEFAULT_DURATION_LIMITS = Map.of(
            SessionKind.TALK.wireName(), 30,
            SessionKind.LIGHTNING_TALK.wireName(), 5,
            SessionKind.KEYNOTE.wireName(), 60,
            SessionKind.PANEL.wireName(), 60,
            SessionKind.WORKSHOP.wireName(), 240);

    public static Optional<Event> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /**
     * An event as the public API loads it, once {@link ScheduleSnapshots#publishedEvent} has resolved its slug.
     * Read-only, because the public API never changes an event: no snapshot copy of its JSON column on every
     * request, and no dirty check at flush.
     */
    static Optional<Event> readOnly(long id) {
        return Event.<Event> find("id", id).withHint(HibernateHints.HINT_READ_ONLY, true).firstResultOptional();
    }

    public static Event bySlugOr404(String slug) {
        return findBySlug(slug).orElseThrow(() -> unknown(slug));
    }

    /** The 404 for a slug no event has; also the answer for an event the caller is not on the team of. */
    static Problem unknown(String slug) {
        return Problem.notFound("No event '" + slug + "'.");
    }

    /**
     * Locks the event row for the rest of the transaction. Every schedule change takes this lock first,
     * so changes to one event are serialised: the clash rules cannot race, and schedule versions are
     * handed out in commit order, which keeps the delta cursor gap-free.
     */
    public static Event lockBySlugOr404(String slug) {
        return Event.<Event> find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> unknown(slug));
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Instant opensAt() {
        return startDate.atStartOfDay(zone()).toInstant();
    }

    public Instant closesAt() {
        return endDate.plusDays(1).atStartOfDay(zone()).toInstant();
    }

    public Optional<Integer> durationLimit(SessionKind kind) {
        return Optional.ofNullable(durationLimits.get(kind.wireName()));
    }

    /** The schedule version the public sees: the latest release in manual mode, the tables' version otherwise. */
    public long publicVersion() {
        return releasedVersion == null ? scheduleVersion : releasedVersion;
    }

    /** Starts the next schedule revision; the caller stamps it on what it changes. */
    public long nextRevision() {
        scheduleVersion++;
        return scheduleVersion;
    }
}
