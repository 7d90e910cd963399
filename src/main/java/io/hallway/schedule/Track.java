package io.hallway.schedule;

import java.util.Optional;

import jakarta.persistence.Entity;

@Entity
public class Track extends ScheduleEntity {

    public String name;
    public String color;

    /** This event's track, if it has one with this id. */
    public static Optional<Track> findInEvent(Event event, long id) {
        return findInEvent(Track.class, event, id);
    }

    /** This event's track, or a 404: a track of another event is not found here. */
    public static Track inEvent(Event event, long id) {
        return inEvent(Track.class, "track", event, id);
    }
}
