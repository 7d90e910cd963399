package io.hallway.schedule;

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
public class Track extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Event event;
    public String name;
    public String color;
    @Version
    public long version;
    public long revision;
    /** Set on imported rows only: the system it came from and its id there (see io.hallway.interop). */
    public String sourceSystem;
    public String sourceId;

    /** This event's track, if it has one with this id. */
    public static Optional<Track> findInEvent(Event event, long id) {
        return Track.<Track> find("id = ?1 and event = ?2", id, event).firstResultOptional();
    }

    /** This event's track, or a 404: a track of another event is not found here. */
    public static Track inEvent(Event event, long id) {
        return findInEvent(event, id).orElseThrow(() -> Problem.notFound("No track " + id + " in this event."));
    }
}
