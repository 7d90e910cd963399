package io.hallway.exchange;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Users;
import io.hallway.people.Profile;
import io.hallway.schedule.Event;

/** Issues exchange codes and finds the current one again. */
@ApplicationScoped
class TokenIssuer {

    @Inject
    EntityManager entityManager;

    @Inject
    Users users;

    @Inject
    TokenCodec codec;

    @Inject
    RateLimits rateLimits;

    @Inject
    ExchangeConfig config;

    record Issued(String token, Instant expiresAt) {
    }

    /** A code as stored: its random input, and the hash it was stored under. */
    private record StoredCode(byte[] nonce, byte[] hash) {
    }

    /**
     * A fresh code for the caller; their earlier ones stop working. A refusal does not roll back, so a
     * rate-limit hit counts even when it is over the limit (nothing else is written before a refusal).
     */
    @Transactional(dontRollbackOn = Problem.class)
    Issued issue(Event event) {
        ExchangeSettings settings = ExchangeSettings.of(event.id, config);
        long me = admit(event, settings,
                "Save your profile for this event first: showing your code shares it with whoever scans it.");
        entityManager.createNativeQuery("""
                update exchange_token set revoked_at = now()
                where event_id = ?1 and owner_id = ?2 and revoked_at is null and redeemed_at is null and expires_at > now()""")
                .setParameter(1, event.id).setParameter(2, me).executeUpdate();
        // Old codes answer "expired" (410) for a day, then go.
        entityManager.createNativeQuery("""
                delete from exchange_token where event_id = ?1 and owner_id = ?2 and expires_at < now() - interval '1 day'""")
                .setParameter(1, event.id).setParameter(2, me).executeUpdate();
        byte[] nonce = codec.newNonce();
        String token = codec.token(nonce);
        var expiresAt = (Instant) entityManager.createNativeQuery("""
                insert into exchange_token (hash, nonce, event_id, owner_id, expires_at)
                values (?1, ?2, ?3, ?4, now() + make_interval(secs => ?5)) returning expires_at""", Instant.class)
                .setParameter(1, TokenCodec.hash(token)).setParameter(2, nonce).setParameter(3, event.id)
                .setParameter(4, me).setParameter(5, settings.tokenLifetime(config).toSeconds()).getSingleResult();
        return new Issued(token, expiresAt);
    }

    /**
     * The caller, once they may show codes in the event, online or from an offline secret: the exchange is on, they
     * saved a profile (a code shares it with whoever scans it; {@code profileNeeded} says so otherwise), and this
     * counts against their rate limit for issuing.
     */
    long admit(Event event, ExchangeSettings settings, String profileNeeded) {
        if (!settings.exchangeEnabled) {
            throw Exchanges.switchedOff();
        }
        long me = users.currentId();
        if (Profile.of(event.id, me).isEmpty()) {
            throw Problem.of(ProblemType.PROFILE_NEEDED, profileNeeded);
        }
        countIssue(event, me);
        return me;
    }

    /** Counts a code issued to the person against their limit: a new code, or a new offline secret. */
    void countIssue(Event event, long me) {
        rateLimits.hit(me, event.id, RateLimits.Action.ISSUE, config.issuesPerMinute());
    }

    /** The caller's code that is still valid, derived again from its stored random input. */
    @Transactional
    Optional<String> current(Event event) {
        var me = users.existingId();
        if (me.isEmpty()) {
            return Optional.empty();
        }
        List<StoredCode> stored = entityManager.createNativeQuery("""
                select nonce, hash from exchange_token
                where event_id = ?1 and owner_id = ?2 and redeemed_at is null and revoked_at is null and expires_at > now()
                order by issued_at desc limit 1""", StoredCode.class)
                .setParameter(1, event.id).setParameter(2, me.getAsLong()).getResultList();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        String token = codec.token(stored.get(0).nonce());
        // Another replica with another key issued it: we cannot draw it, and must not draw a wrong code.
        return Arrays.equals(TokenCodec.hash(token), stored.get(0).hash()) ? Optional.of(token) : Optional.empty();
    }
}
