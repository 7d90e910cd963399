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
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
public class Session extends ScheduleEntity {

    /** Stable across every change; exported as the frab/c3voc guid and the iCalendar UID. */
    public UUID guid;
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

    public Duration duration() {
        return Duration.between(startsAt, endsAt);
    }

    public boolean isCancelled() {
        return status == SessionStatus.CANCELLED;
    }

    public boolean overlaps(Instant start, Instant end) {
        return startsAt.isBefore(end) && start.isBefore(endsAt);
    }

    /** This event's session with this id, if it has one. */
    public static Optional<Session> findInEvent(Event event, long id) {
        return findInEvent(Session.class, event, id);
    }

    /** This event's session, or a 404: a session of another event is not found here. */
    public static Session inEvent(Event event, long id) {
        return inEvent(Session.class, "session", event, id);
    }
}
