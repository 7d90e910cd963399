package io.hallway.agenda;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Personal calendar feed links. The token is 256 random bits handed out once; only its SHA-256 is
 * stored, so a database leak does not leak working links. Creating a new link replaces the old one.
 */
@ApplicationScoped
class CalendarLinks {

    /** Whose feed a token opens. */
    record Owner(long userId, long eventId) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager entityManager;

    /** A fresh token for the person's feed of the event; any earlier token stops working. */
    String issue(long userId, long eventId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        entityManager.createNativeQuery("""
                insert into calendar_link (user_id, event_id, token_hash) values (?1, ?2, ?3)
                on conflict (user_id, event_id) do update set token_hash = excluded.token_hash, created_at = now()""")
                .setParameter(1, userId).setParameter(2, eventId).setParameter(3, hash(token)).executeUpdate();
        return token;
    }

    void revoke(long userId, long eventId) {
        entityManager.createNativeQuery("delete from calendar_link where user_id = ?1 and event_id = ?2")
                .setParameter(1, userId).setParameter(2, eventId).executeUpdate();
    }

    /** When the person's current link was made, if they have one. */
    Optional<Instant> createdAt(long userId, long eventId) {
        return entityManager.createNativeQuery("select created_at from calendar_link where user_id = ?1 and event_id = ?2",
                Instant.class).setParameter(1, userId).setParameter(2, eventId).getResultList().stream()
                .map(Instant.class::cast).findFirst();
    }

    long purge(long eventId) {
        return entityManager.createNativeQuery("delete from calendar_link where event_id = ?1")
                .setParameter(1, eventId).executeUpdate();
    }

    Optional<Owner> owner(String token) {
        return entityManager.createNativeQuery("select user_id, event_id from calendar_link where token_hash = ?1",
                Owner.class).setParameter(1, hash(token)).getResultList().stream().map(Owner.class::cast).findFirst();
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
