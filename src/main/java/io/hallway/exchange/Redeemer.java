package io.hallway.exchange;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hallway.common.Problem;
import io.hallway.common.Users;
import io.hallway.schedule.Event;

/** Turns a scanned code into a connection, exactly once, however many replicas and scanners race. */
@ApplicationScoped
class Redeemer {

    /** The same answer for any code we cannot use, so a guess learns nothing about real codes. */
    private static final String UNKNOWN = "This code is not valid for this event.";

    @Inject
    EntityManager entityManager;

    @Inject
    Users users;

    @Inject
    RateLimits rateLimits;

    @Inject
    ExchangeConfig config;

    /** created: a new connection; replayed: the first outcome under an Idempotency-Key, answered again. */
    record Redeemed(long connectionId, long scannerId, boolean created, boolean replayed) {
    }

    /**
     * A refusal does not roll back: the rate-limit hit must count for a failed guess too, and nothing
     * else is written before a refusal (a claimed idempotency key is released first).
     */
    @Transactional(dontRollbackOn = Problem.class)
    Redeemed redeem(Event event, String scanned, String idempotencyKey) {
        if (!ExchangeSettings.of(event.id, config).exchangeEnabled) {
            throw Exchanges.switchedOff();
        }
        long me = users.currentId();
        rateLimits.hit(me, event.id, RateLimits.Action.REDEEM, config.redeemsPerMinute(), "scan", "codes");
        var token = TokenCodec.parse(scanned);
        if (token.isEmpty()) {
            throw Problem.notFound(UNKNOWN);
        }
        byte[] hash = TokenCodec.hash(token.get());
        if (idempotencyKey != null) {
            var replay = claim(me, idempotencyKey, event.id, hash);
            if (replay != null) {
                return replay;
            }
        }
        try {
            long owner = consume(event.id, hash, me);
            Redeemed redeemed = connect(event.id, owner, me);
            if (idempotencyKey != null) {
                entityManager.createNativeQuery(
                        "update exchange_idempotency set connection_id = ?3 where user_id = ?1 and idem_key = ?2")
                        .setParameter(1, me).setParameter(2, idempotencyKey).setParameter(3, redeemed.connectionId())
                        .executeUpdate();
            }
            return redeemed;
        } catch (Problem refused) {
            if (idempotencyKey != null) {
                entityManager.createNativeQuery("delete from exchange_idempotency where user_id = ?1 and idem_key = ?2")
                        .setParameter(1, me).setParameter(2, idempotencyKey).executeUpdate();
            }
            throw refused;
        }
    }

    /**
     * Claims the key, or returns the first outcome under it. A concurrent retry waits here on the key's
     * unique index until the first attempt commits, then replays it.
     */
    private Redeemed claim(long me, String key, long eventId, byte[] hash) {
        int claimed = entityManager.createNativeQuery("""
                insert into exchange_idempotency (user_id, idem_key, event_id, token_hash) values (?1, ?2, ?3, ?4)
                on conflict (user_id, idem_key) do nothing""")
                .setParameter(1, me).setParameter(2, key).setParameter(3, eventId).setParameter(4, hash).executeUpdate();
        if (claimed == 1) {
            return null;
        }
        List<?> rows = entityManager.createNativeQuery(
                "select event_id, token_hash, connection_id from exchange_idempotency where user_id = ?1 and idem_key = ?2")
                .setParameter(1, me).setParameter(2, key).getResultList();
        Object[] first = rows.isEmpty() ? null : (Object[]) rows.get(0);
        if (first == null || ((Number) first[0]).longValue() != eventId || !Arrays.equals((byte[]) first[1], hash)
                || first[2] == null) {
            throw new Problem(422, "Idempotency key reused",
                    "This Idempotency-Key was used for another request; use a new key for a new scan.");
        }
        return new Redeemed(((Number) first[2]).longValue(), me, false, true);
    }

    /** The one statement that decides who wins a code: the row is claimed only while still unused and valid. */
    private long consume(long eventId, byte[] hash, long me) {
        List<?> owners = entityManager.createNativeQuery("""
                update exchange_token set redeemed_at = now()
                where hash = ?1 and event_id = ?2 and owner_id <> ?3
                  and redeemed_at is null and revoked_at is null and expires_at > now()
                returning owner_id""")
                .setParameter(1, hash).setParameter(2, eventId).setParameter(3, me).getResultList();
        if (!owners.isEmpty()) {
            return ((Number) owners.get(0)).longValue();
        }
        List<?> rows = entityManager.createNativeQuery("select owner_id from exchange_token where hash = ?1 and event_id = ?2")
                .setParameter(1, hash).setParameter(2, eventId).getResultList();
        if (rows.isEmpty()) {
            throw Problem.notFound(UNKNOWN);
        }
        if (((Number) rows.get(0)).longValue() == me) {
            throw Problem.badRequest("Own code", "This is your own code: scan someone else's.");
        }
        throw new Problem(410, "Code no longer valid", "This code expired or was already used; ask for a fresh one.");
    }

    /**
     * One connection per pair whoever scanned whom: the pair is stored ordered under a unique constraint.
     * The code's owner shares (showing the code is consent); the scanner shares only if they choose to later,
     * or already did by showing their own code.
     */
    private Redeemed connect(long eventId, long owner, long scanner) {
        long low = Math.min(owner, scanner);
        long high = Math.max(owner, scanner);
        List<?> inserted = entityManager.createNativeQuery("""
                insert into connection (event_id, user_low, user_high, session_id)
                values (?1, ?2, ?3, (select min(s.id) from session s where s.event_id = ?1 and s.status = 'scheduled'
                                     and s.starts_at <= now() and s.ends_at > now() having count(*) = 1))
                on conflict (event_id, user_low, user_high) do nothing returning id""")
                .setParameter(1, eventId).setParameter(2, low).setParameter(3, high).getResultList();
        boolean created = !inserted.isEmpty();
        long id = created ? ((Number) inserted.get(0)).longValue()
                : ((Number) entityManager.createNativeQuery(
                        "select id from connection where event_id = ?1 and user_low = ?2 and user_high = ?3")
                        .setParameter(1, eventId).setParameter(2, low).setParameter(3, high).getSingleResult()).longValue();
        entityManager.createNativeQuery("""
                insert into connection_member as m (connection_id, user_id, shares, shared_at)
                values (?1, ?2, true, now()), (?1, ?3, false, null)
                on conflict (connection_id, user_id) do update
                    set shares = m.shares or excluded.shares, shared_at = coalesce(m.shared_at, excluded.shared_at)""")
                .setParameter(1, id).setParameter(2, owner).setParameter(3, scanner).executeUpdate();
        return new Redeemed(id, scanner, created, false);
    }
}
