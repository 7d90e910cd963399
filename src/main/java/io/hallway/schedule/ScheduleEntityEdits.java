package io.hallway.schedule;

import java.net.URI;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import io.hallway.audit.AuditAction;
import io.hallway.audit.AuditLog;
import io.hallway.audit.AuditResource;
import io.hallway.common.Versions;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * The steps an organizer's create, update or delete of a room, track or speaker takes inside a change: the
 * version check, the write, the flush that makes the new version known, the tombstone for the delta feed and
 * the audit entry. Each resource brings only what differs: how a request applies and what blocks a delete.
 */
@ApplicationScoped
class ScheduleEntityEdits {

    @Inject
    ScheduleChanges changes;

    @Inject
    AuditLog audit;

    /** Adds the entity to the change's event; {@code apply} fills it from the request. */
    <T extends ScheduleEntity> T create(ScheduleChanges.Change change, T entity, AuditResource resource,
            Consumer<T> apply) {
        entity.event = change.event();
        apply.accept(entity);
        entity.persist();
        Panache.getEntityManager(entity.getClass()).flush();
        audit.record(change.event().id, AuditAction.CREATE, resource, entity.id, null, entity.version);
        return entity;
    }

    /** Applies the request to the entity if the caller read its current version ({@code "The room"} names it in a 409). */
    <T extends ScheduleEntity> T update(ScheduleChanges.Change change, T entity, long expectedVersion, String name,
            AuditResource resource, Consumer<T> apply) {
        Versions.check(expectedVersion, entity.version, name);
        long versionBefore = entity.version;
        apply.accept(entity);
        Panache.getEntityManager(entity.getClass()).flush();
        audit.record(change.event().id, AuditAction.UPDATE, resource, entity.id, versionBefore, entity.version);
        return entity;
    }

    /** Deletes the entity, leaving a tombstone for the clients that follow the delta feed. */
    void delete(ScheduleChanges.Change change, ScheduleEntity entity, ScheduleChanges.Kind kind, AuditResource resource) {
        entity.delete();
        changes.deleted(change, kind, entity.id);
        audit.record(change.event().id, AuditAction.DELETE, resource, entity.id, entity.version, null);
    }

    /** The 201 for a new entity of the event's collection ({@code "rooms"}), with its view. */
    static Response created(String slug, String collection, ScheduleEntity entity, Object view) {
        return Response.created(URI.create("/api/admin/events/" + slug + "/" + collection + "/" + entity.id))
                .entity(view).build();
    }
}
