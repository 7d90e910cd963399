package io.hallway.common;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.github.benmanes.caffeine.cache.Cache;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Maps a caller's issuer + subject to the numeric id that per-person rows (bookmarks, profiles,
 * connections) reference. The row is created on first use; concurrent first calls agree on one id.
 */
@ApplicationScoped
public class Users {

    /**
     * Ids this replica has seen, so an authenticated request does not look its caller up every time.
     * Safe without coordination between replicas: an id row is never changed or deleted (erasing my data
     * in an event keeps it; it holds only the issuer and subject), so every replica derives the same ids.
     * 100,000 entries are a few MB.
     */
    private final Cache<Caller.UserKey, Long> known;

    @Inject
    EntityManager entityManager;

    @Inject
    Caller caller;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Users(MeterRegistry registry) {
        known = ReplicaCaches.exact("user_ids", 100_000, registry);
    }

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
        if (inserted.isEmpty()) {
            // A concurrent first call won the insert; this statement's snapshot now sees its row.
            return existingId().orElseThrow();
        }
        long id = ((Number) inserted.get(0)).longValue();
        remember(key, id);
        return id;
    }

    /** The calling person's id if they have one yet; reads never create users. */
    public OptionalLong existingId() {
        Caller.UserKey key = caller.key();
        Long cached = known.getIfPresent(key);
        if (cached != null) {
            return OptionalLong.of(cached);
        }
        List<?> ids = entityManager.createNativeQuery("select id from app_user where issuer = ?1 and subject = ?2")
                .setParameter(1, key.issuer()).setParameter(2, key.subject()).getResultList();
        if (ids.isEmpty()) {
            return OptionalLong.empty();
        }
        long id = ((Number) ids.get(0)).longValue();
        remember(key, id);
        return OptionalLong.of(id);
    }

    /** The issuer and subject of these people: how a relay outside this server knows them and their devices. */
    public Map<Long, Caller.UserKey> keys(Collection<Long> userIds) {
        Map<Long, Caller.UserKey> keys = new HashMap<>();
        List<UserRow> rows = entityManager.createNativeQuery(
                "select id, issuer, subject from app_user where id = any (cast(?1 as bigint[]))", UserRow.class)
                .setParameter(1, SqlArrays.of(userIds))
                .getResultList();
        rows.forEach(row -> keys.put(row.id(), new Caller.UserKey(row.issuer(), row.subject())));
        return keys;
    }

    private record UserRow(long id, String issuer, String subject) {
    }

    /** Only a committed row is remembered: a row of a transaction that rolls back never existed. */
    private void remember(Caller.UserKey key, long id) {
        AfterCommit.run(transactions, () -> known.put(key, id));
    }
}
