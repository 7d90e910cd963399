package io.hallway.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A browser's Web Push subscription for one event, as its PushSubscription gave it; only this feature reads it. */
@Entity
class PushSubscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long userId;
    public long eventId;
    public String endpoint;
    public String p256dh;
    public String auth;
    public Instant createdAt = Instant.now();

    static List<PushSubscription> of(long eventId, long userId) {
        return list("eventId = ?1 and userId = ?2 order by id", eventId, userId);
    }

    static Optional<PushSubscription> mine(long eventId, long userId, long id) {
        return find("eventId = ?1 and userId = ?2 and id = ?3", eventId, userId, id).firstResultOptional();
    }
}
