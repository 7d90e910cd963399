package io.hallway.schedule;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import io.hallway.common.Problem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
public class Room extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Event event;
    public String name;
    public Integer capacity;
    public String levelName;
    /** How to find the room, in a sentence ("downstairs, past the coffee bar"). */
    public String directions;
    public int position;
    /** Set by organizers during the event: open, full or closed (null: nothing said). */
    public String liveStatus;
    @Version
    public long version;
    public long revision;
    /** Set on imported rows only: the system it came from and its id there (see io.hallway.interop). */
    public String sourceSystem;
    public String sourceId;

    public static List<Room> ofEvent(Event event) {
        return list("event = ?1 order by position, name", event);
    }

    /** This event's room, if it has one with this id. */
    public static Optional<Room> findInEvent(Event event, long id) {
        return Room.<Room> find("id = ?1 and event = ?2", id, event).firstResultOptional();
    }

    /** This event's room, or a 404: a room of another event is not found here. */
    public static Room inEvent(Event event, long id) {
        return findInEvent(event, id).orElseThrow(() -> Problem.notFound("No room " + id + " in this event."));
    }
}
