package io.hallway.schedule;

import java.util.Optional;

import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import io.hallway.common.Problem;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What every row of an event's schedule (room, track, speaker, session, lightning block) has: its event,
 * an optimistic-lock version, the schedule revision that last touched it, and where an import found it.
 */
@MappedSuperclass
public abstract class ScheduleEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Event event;
    @Version
    public long version;
    public long revision;
    /** Set on imported rows only: the system it came from and its id there (see io.hallway.interop). */
    public String sourceSystem;
    public String sourceId;

    /**
     * The event's row of this type with this id, if it has one. Each entity offers it as its own static
     * finder: Panache's static methods work only on the entity class itself, not on this superclass.
     */
    protected static <T extends ScheduleEntity> Optional<T> findInEvent(Class<T> type, Event event, long id) {
        return Panache.getEntityManager(type)
                .createQuery("from " + type.getSimpleName() + " where id = ?1 and event = ?2", type)
                .setParameter(1, id).setParameter(2, event).setMaxResults(1).getResultStream().findFirst();
    }

    /** The event's row of this type, or a 404 naming it ("room"): a row of another event is not found here. */
    protected static <T extends ScheduleEntity> T inEvent(Class<T> type, String name, Event event, long id) {
        return findInEvent(type, event, id)
                .orElseThrow(() -> Problem.notFound("No " + name + " " + id + " in this event."));
    }
}
