package io.hallway.safety;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * A code-of-conduct report to an event's organizers. The reporter's data; the reported person's name and profile
 * id are kept as they were when reported, so the report outlives the reported person's erasure (the organizers'
 * duty of care).
 */
@Entity
public class ConductReport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long eventId;
    public long reporterId;
    public Long reportedUserId;
    public Long reportedProfileId;
    public String reportedName;
    public String whatHappened;
    public Instant happenedAt;
    public Long sessionId;
    public String place;
    public ReportStatus status = ReportStatus.OPEN;
    public String internalNote;
    public Instant createdAt = Instant.now();
    public Instant updatedAt = createdAt;
    /** Two owners may handle a report at once: a stale change is a 409. */
    @Version
    public long version;

    /** A report about nobody (a situation) is about no owner either: "distinct from", not "<>". */
    private static final String NOT_ABOUT_OWNER = "(?2 is null or reportedUserId is distinct from ?2)";

    static Optional<ConductReport> inEvent(long eventId, long id) {
        return find("eventId = ?1 and id = ?2", eventId, id).firstResultOptional();
    }

    /**
     * The event's reports an owner handles, newest first; status null is every status. Reports about the owner are
     * left out (see {@link #handledBy(long, Long, long)}).
     */
    static PanacheQuery<ConductReport> handledBy(long eventId, Long ownerId, ReportStatus status) {
        return status == null
                ? find("eventId = ?1 and " + NOT_ABOUT_OWNER + " order by createdAt desc, id desc", eventId, ownerId)
                : find("eventId = ?1 and " + NOT_ABOUT_OWNER + " and status = ?3 order by createdAt desc, id desc",
                        eventId, ownerId, status);
    }

    /**
     * One report an owner handles. A report about an owner goes to the event's other owners only: the person it is
     * about never reads it, and cannot tell it from a report that does not exist. ownerId is null for an operator
     * who has no user id yet, and whom no report can be about.
     */
    static Optional<ConductReport> handledBy(long eventId, Long ownerId, long id) {
        return find("eventId = ?1 and " + NOT_ABOUT_OWNER + " and id = ?3", eventId, ownerId, id)
                .firstResultOptional();
    }

    static List<ConductReport> madeBy(long eventId, long reporterId) {
        return list("eventId = ?1 and reporterId = ?2 order by createdAt desc, id desc", eventId, reporterId);
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }
}
