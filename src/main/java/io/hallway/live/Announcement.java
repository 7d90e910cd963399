package io.hallway.live;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.OptimisticLock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An announcement to the people at an event, or some of them. {@link Announcements} is the table's one owner. */
@Entity
class Announcement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long eventId;
    public String title;
    public String body;
    public AnnouncementSeverity severity;
    public AudienceKind audience;
    public Long roomId;
    public String levelName;
    public Long sessionId;
    public Instant startsAt;
    public Instant endsAt;
    public Instant postedAt;
    /**
     * Null until it reached its audience's change feeds, at its start, and from a correction until the corrected one
     * reached whom it adds. Not part of the version an organizer reads: the delivery job must not make their If-Match
     * stale.
     */
    @OptimisticLock(excluded = true)
    public Instant deliveredAt;
    @Version
    public long version;

    static Optional<Announcement> inEvent(long eventId, long id) {
        return find("id = ?1 and eventId = ?2", id, eventId).firstResultOptional();
    }

    /** The event's announcements showing at this instant, newest first. */
    static List<Announcement> activeAt(long eventId, Instant at) {
        return list("eventId = ?1 and startsAt <= ?2 and endsAt > ?2 order by startsAt desc, id desc", eventId, at);
    }

    boolean activeAt(Instant at) {
        return !startsAt.isAfter(at) && endsAt.isAfter(at);
    }
}
