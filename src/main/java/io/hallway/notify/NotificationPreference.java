package io.hallway.notify;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The kinds of notification a person chose in an event; a person without a row gets every kind. */
@Entity
@IdClass(NotificationPreference.Key.class)
class NotificationPreference extends PanacheEntityBase {

    record Key(long eventId, long userId) {
    }

    @Id
    public long eventId;
    @Id
    public long userId;
    public boolean sessionChanges = true;
    public boolean delays = true;
    public boolean announcements = true;
    public boolean meetings = true;
    public Instant updatedAt = Instant.now();

    /** The person's choice, or every kind when they made none. */
    static NotificationPreference of(long eventId, long userId) {
        NotificationPreference stored = find("eventId = ?1 and userId = ?2", eventId, userId).firstResult();
        if (stored != null) {
            return stored;
        }
        NotificationPreference everything = new NotificationPreference();
        everything.eventId = eventId;
        everything.userId = userId;
        return everything;
    }
}
