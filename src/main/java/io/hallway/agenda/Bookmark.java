package io.hallway.agenda;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One person's bookmark of a session or of a whole lightning block (exactly one of the two ids). */
@Entity
public class Bookmark extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long userId;
    public long eventId;
    public Long sessionId;
    public Long blockId;
    public Instant createdAt;
}
