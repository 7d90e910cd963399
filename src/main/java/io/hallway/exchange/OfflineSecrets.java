package io.hallway.exchange;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Keeps the offline exchange secrets and the offline codes already used; the only writer of
 * offline_exchange_secret and offline_code_use. A secret is derived from a stored random input with the server's
 * exchange key ({@link TokenCodec#offlineSecret}), as online codes are.
 */
@ApplicationScoped
class OfflineSecrets {

    private static final int HOLDER_BYTES = 16;
    private static final int NONCE_BYTES = 32;

    /** A person's secret as stored: the random input, not the secret. */
    record Stored(long id, String holder, byte[] nonce, Instant createdAt, Instant rotatedAt) {
    }

    /** The secret a code names, with its owner, for checking a code. */
    record ForCode(long id, long userId, byte[] nonce) {
    }

    /** What the export says: that a secret exists and when it was made and last replaced, never the secret. */
    record Dates(Instant createdAt, Instant rotatedAt) {
    }

    private final SecureRandom random = new SecureRandom();

    @Inject
    EntityManager entityManager;

    Optional<Stored> mine(long eventId, long userId) {
        return first(entityManager.createNativeQuery("""
                select id, holder, nonce, created_at, rotated_at from offline_exchange_secret
                where event_id = ?1 and user_id = ?2""", Stored.class)
                .setParameter(1, eventId).setParameter(2, userId).getResultList());
    }

    /** The person's secret, made now if they had none; a concurrent first call makes the same one. */
    Stored mineOrNew(long eventId, long userId) {
        entityManager.createNativeQuery("""
                insert into offline_exchange_secret (event_id, user_id, holder, nonce) values (?1, ?2, ?3, ?4)
                on conflict (event_id, user_id) do nothing""")
                .setParameter(1, eventId).setParameter(2, userId).setParameter(3, newHolder())
                .setParameter(4, randomBytes(NONCE_BYTES)).executeUpdate();
        return mine(eventId, userId).orElseThrow();
    }

    /**
     * Replaces the person's secret with a new one under a new holder id: codes of the old one name a holder that
     * no longer exists, and its used codes go with it. Empty when they had none.
     */
    Optional<Stored> rotate(long eventId, long userId) {
        List<?> firstMade = entityManager.createNativeQuery(
                "delete from offline_exchange_secret where event_id = ?1 and user_id = ?2 returning created_at", Instant.class)
                .setParameter(1, eventId).setParameter(2, userId).getResultList();
        if (firstMade.isEmpty()) {
            return Optional.empty();
        }
        entityManager.createNativeQuery("""
                insert into offline_exchange_secret (event_id, user_id, holder, nonce, created_at, rotated_at)
                values (?1, ?2, ?3, ?4, ?5, now())""")
                .setParameter(1, eventId).setParameter(2, userId).setParameter(3, newHolder())
                .setParameter(4, randomBytes(NONCE_BYTES)).setParameter(5, firstMade.get(0)).executeUpdate();
        return mine(eventId, userId);
    }

    /**
     * The secret a code names in this event. Its row stays locked against a rotation or erasure until the redeem
     * commits, so a used code is never recorded against a secret deleted meanwhile.
     */
    Optional<ForCode> forCode(long eventId, String holder) {
        return first(entityManager.createNativeQuery("""
                select id, user_id, nonce from offline_exchange_secret where holder = ?1 and event_id = ?2
                for key share""", ForCode.class)
                .setParameter(1, holder).setParameter(2, eventId).getResultList());
    }

    /**
     * Records the code of this step as used; false when it already was. Concurrent redeems of one code wait on the
     * primary key for the first to commit, then find it taken. Uses older than the oldest step still acceptable are
     * dropped: no such code can be redeemed again anyway.
     */
    boolean use(long secretId, long step, long oldestAcceptableStep) {
        int used = entityManager.createNativeQuery("""
                insert into offline_code_use (secret_id, step) values (?1, ?2) on conflict (secret_id, step) do nothing""")
                .setParameter(1, secretId).setParameter(2, step).executeUpdate();
        if (used == 1) {
            entityManager.createNativeQuery("delete from offline_code_use where secret_id = ?1 and step < ?2")
                    .setParameter(1, secretId).setParameter(2, oldestAcceptableStep).executeUpdate();
        }
        return used == 1;
    }

    Optional<Dates> dates(long eventId, long userId) {
        return first(entityManager.createNativeQuery(
                "select created_at, rotated_at from offline_exchange_secret where event_id = ?1 and user_id = ?2", Dates.class)
                .setParameter(1, eventId).setParameter(2, userId).getResultList());
    }

    /** Deletes the person's secret, and with it (on delete cascade) the record of their used codes. */
    void erase(long eventId, long userId) {
        entityManager.createNativeQuery("delete from offline_exchange_secret where event_id = ?1 and user_id = ?2")
                .setParameter(1, eventId).setParameter(2, userId).executeUpdate();
    }

    /** Deletes every secret of the event (and their used codes); the number of secrets. */
    long purge(long eventId) {
        return entityManager.createNativeQuery("delete from offline_exchange_secret where event_id = ?1")
                .setParameter(1, eventId).executeUpdate();
    }

    private String newHolder() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(HOLDER_BYTES));
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    @SuppressWarnings("unchecked")
    private static <T> Optional<T> first(List<?> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of((T) rows.get(0));
    }
}
