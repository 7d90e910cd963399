package io.hallway.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.hallway.common.Problem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
public class Session extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** Stable across every change; exported as the frab/c3voc guid and the iCalendar UID. */
    public UUID guid;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Event event;
    public SessionKind kind;
    public String title;
    @Column(name = "abstract")
    public String abstract_;
    public String language;
    public String level;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags = new ArrayList<>();
    @ManyToOne(fetch = FetchType.LAZY)
    public Track track;
    @ManyToOne(fetch = FetchType.LAZY)
    public Room room;
    public Instant startsAt;
    public Instant endsAt;
    public SessionStatus status = SessionStatus.SCHEDULED;
    public String slidesUrl;
    public String videoUrl;
    @ManyToOne(fetch = FetchType.LAZY)
    public LightningBlock block;
    public Integer blockPosition;
    @ManyToMany
    @JoinTable(name = "session_speaker", joinColumns = @JoinColumn(name = "session_id"),
            inverseJoinColumns = @JoinColumn(name = "speaker_id"))
    @OrderColumn(name = "position")
    public List<Speaker> speakers = new ArrayList<>();
    @Version
    public long version;
    public long revision;
    /** Set on imported rows only: the system it came from and its id there (see io.hallway.interop). */
    public String sourceSystem;
    public String sourceId;

    public static List<Session> ofEvent(Event event) {
        return list("event = ?1 order by startsAt, id", event);
    }

    public Duration duration() {
        return Duration.between(startsAt, endsAt);
    }

    public boolean isCancelled() {
        return status == SessionStatus.CANCELLED;
    }

    public boolean overlaps(Instant start, Instant end) {
        return startsAt.isBefore(end) && start.isBefore(endsAt);
    }

    /** This event's session, if it has one with this id. */
    public static Optional<Session> findInEvent(Event event, long id) {
        return Session.<Session> find("id = ?1 and event = ?2", id, event).firstResultOptional();
    }

    /** This event's session, or a 404: a session of another event is not found here. */
    public static Session inEvent(Event event, long id) {
        return findInEvent(event, id).orElseThrow(() -> Problem.notFound("No session " + id + " in this event."));
    }
}
