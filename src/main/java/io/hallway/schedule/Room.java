package io.hallway.schedule;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;

@Entity
public class Room extends ScheduleEntity {

    public String name;
    public Integer capacity;
    public String levelName;
    /** How to find the room, in a sentence ("downstairs, past the coffee bar"). */
    public String directions;
    public int position;
    /** Set by organizers during the event: open, full or closed (null: nothing said). */
    public String liveStatus;

    public static List<Room> ofEvent(Event event) {
        return list("event = ?1 order by position, name", event);
    }

    /** This event's room, if it has one with this id. */
    public static Optional<Room> findInEvent(Event event, long id) {
        return findInEvent(Room.class, event, id);
    }

    /** This event's room, or a 404: a room of another event is not found here. */
    public static Room inEvent(Event event, long id) {
        return inEvent(Room.class, "room", event, id);
    }
}
