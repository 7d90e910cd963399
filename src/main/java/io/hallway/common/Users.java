package io.hallway.common;

import java.util.List;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Maps a caller's issuer + subject to the numeric id that per-person rows (bookmarks, profiles,
 * connections) reference. The row is created on first use; concurrent first calls agree on one id.
 */
@ApplicationScoped
public class Users {

    @Inject
    EntityManager entityManager;

    @Inject
    Caller caller;

    /** The calling person's id, created if this is their first call that needs one. */
    @Transactional
    public long currentId() {
        var existing = existingId();
        if (existing.isPresent()) {
            return existing.getAsLong();
        }
        Caller.UserKey key = caller.key();
        var inserted = entityManager.createNativeQuery("""
                insert into app_user (issuer, subject) values (?1, ?2)
                on conflict (issuer, subject) do nothing returning id""")
                .setParameter(1, key.issuer()).setParameter(2, key.subject()).getResultList();
        // Empty when a concurrent first call won the insert; this statement's snapshot now sees its row.
        return inserted.isEmpty() ? existingId().orElseThrow() : ((Number) inserted.get(0)).longValue();
    }

    /** The calling person's id if they have one yet; reads never create users. */
    public OptionalLong existingId() {
        Caller.UserKey key = caller.key();
        List<?> ids = entityManager.createNativeQuery("select id from app_user where issuer = ?1 and subject = ?2")
                .setParameter(1, key.issuer()).setParameter(2, key.subject()).getResultList();
        return ids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((Number) ids.get(0)).longValue());
    }
}
