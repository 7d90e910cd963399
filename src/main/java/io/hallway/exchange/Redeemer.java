package io.hallway.exchange;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Users;
import io.hallway.people.Blocks;
import io.hallway.schedule.ScheduleSnapshots;
import io.hallway.schedule.SessionStatus;
import io.hallway.schedule.SessionView;

/** Turns a scanned code into a connection, exactly once, however many replicas and scanners race. */
@ApplicationScoped
class Redeemer {

    /** The same answer for any code we cannot use, so a guess learns nothing about real codes. */
    private static final String UNKNOWN = "This code is not valid for this event.";

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    EntityManager entityManager;

    @Inject
    Users users;

    @Inject
    RateLimits rateLimits;

    @Inject
    ExchangeConfig config;

    @Inject
    Connections connections;

    /** How a connection was made, stored with it: offline codes carry the time the scanner says it read them. */
    record Origin(ConnectionVia via, Instant scannedAt) {
        static final Origin QR = new Origin(ConnectionVia.QR, null);
    }

    /** created: a new connection; replayed: the first outcome under an Idempotency-Key, answered again. */
    record Redeemed(Connections.Side scannerSide, boolean created, boolean replayed) {
    }

    /** The first request under an Idempotency-Key: its event and code, and its connection once made. */
    private record Claim(long eventId, byte[] tokenHash, Long connectionId) {
    }

    /** The rate-limit count of a scan ({@link RateLimits.Hit}), and the code's owner when the scan won the code. */
    private record Consumed(int hits, Number retryAfterSeconds, Long ownerId) {
    }

    /** The scanner's side of the connection (the columns of {@link Connections.Side}), and whether it is new. */
    private record Connected(long id, Instant connectedAt, Long sessionId, String via, Instant scannedAt,
            boolean sharingBack, String note, boolean starred, long otherId, boolean sharedWithMe, boolean created) {

        Connections.Side side() {
            return new Connections.Side(id, connectedAt, sessionId, via, scannedAt, sharingBack, note, starred, otherId,
                    sharedWithMe);
        }
    }

    /**
     * Redeems a code shown online. A refusal does not roll back: the rate-limit hit must count for a failed guess
     * too, and nothing else is written before a refusal (a claimed idempotency key is released first).
     */
    @Transactional(dontRollbackOn = Problem.class)
    Redeemed redeem(long eventId, String scanned, String idempotencyKey) {
        long me = users.currentId();
        Optional<byte[]> hash = TokenCodec.parse(scanned).map(TokenCodec::hash);
        if (hash.isEmpty()) {
            rateLimits.hit(me, eventId, RateLimits.Action.REDEEM, config.redeemsPerMinute());
            throw refusal(eventId, hash, me);
        }
        return redeemOnce(eventId, me, hash.get(), idempotencyKey, Origin.QR, () -> consume(eventId, hash.get(), me));
    }

    /**
     * The path every kind of code takes once read: replays the first outcome under an Idempotency-Key (a replay is
     * not a new scan and does not count), or wins the code ({@code win}: counts the scan against the rate limit,
     * and answers the code's owner or throws the refusal) and connects the scanner with its owner. A refusal
     * releases the claimed key; the caller's transaction must not roll back on a Problem, so the hit counts.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = Problem.class)
    Redeemed redeemOnce(long eventId, long me, byte[] codeHash, String idempotencyKey, Origin origin, LongSupplier win) {
        if (idempotencyKey != null) {
            var replay = claim(me, idempotencyKey, eventId, codeHash);
            if (replay != null) {
                return replay;
            }
        }
        try {
            long owner = win.getAsLong();
            if (owner == me) {
                throw ownCode();
            }
            Redeemed redeemed = connect(eventId, owner, me, origin);
            if (idempotencyKey != null) {
                entityManager.createNativeQuery(
                        "update exchange_idempotency set connection_id = ?3 where user_id = ?1 and idem_key = ?2")
                        .setParameter(1, me).setParameter(2, idempotencyKey).setParameter(3, redeemed.scannerSide().id())
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

    static Problem ownCode() {
        return Problem.of(ProblemType.OWN_CODE, "This is your own code: scan someone else's.");
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
        List<Claim> claims = entityManager.createNativeQuery(
                "select event_id, token_hash, connection_id from exchange_idempotency where user_id = ?1 and idem_key = ?2",
                Claim.class).setParameter(1, me).setParameter(2, key).getResultList();
        Claim first = claims.isEmpty() ? null : claims.get(0);
        if (first == null || first.eventId() != eventId || !Arrays.equals(first.tokenHash(), hash)
                || first.connectionId() == null) {
            throw Problem.of(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for another request; use a new key for a new scan.");
        }
        return new Redeemed(connections.side(eventId, me, first.connectionId()), false, true);
    }

    /**
     * The one statement that counts the scan against the rate limit and decides who wins a code: the row
     * is claimed only within the limit, while still unused and valid, and while the exchange is switched on
     * (no settings row means the default, on), and only between people neither of whom blocked the other
     * ({@link Blocks}). Why a code was refused is worked out only after the refusal, so a successful scan costs
     * one statement; a block is never named as the reason: the code stays unused and the scanner hears what
     * they would for a code someone else already used, so a blocked person cannot tell they were blocked.
     */
    private long consume(long eventId, byte[] hash, long me) {
        int limit = config.redeemsPerMinute();
        var consumed = (Consumed) entityManager.createNativeQuery("with hit as (" + RateLimits.COUNT_HIT + """
                ),
                claimed as (
                    update exchange_token set redeemed_at = now()
                    where hash = ?4 and event_id = ?2 and owner_id <> ?1
                      and redeemed_at is null and revoked_at is null and expires_at > now()
                      and coalesce((select s.exchange_enabled from exchange_settings s where s.event_id = ?2), true)
                      and (select hits from hit) <= ?5
                      and """ + Blocks.neitherBlocks("?2", "?1", "exchange_token.owner_id") + """

                    returning owner_id)
                select hit.hits, hit.retry_after, claimed.owner_id from hit left join claimed on true""", Consumed.class)
                .setParameter(1, me).setParameter(2, eventId).setParameter(3, RateLimits.Action.REDEEM.column())
                .setParameter(4, hash).setParameter(5, limit).getSingleResult();
        RateLimits.check(RateLimits.Action.REDEEM, limit, consumed.hits(), consumed.retryAfterSeconds().longValue());
        if (consumed.ownerId() != null) {
            return consumed.ownerId();
        }
        throw refusal(eventId, Optional.of(hash), me);
    }

    private Problem refusal(long eventId, Optional<byte[]> hash, long me) {
        if (!ExchangeSettings.of(eventId, config).exchangeEnabled) {
            return Exchanges.switchedOff();
        }
        if (hash.isEmpty()) {
            return Problem.notFound(UNKNOWN);
        }
        List<?> rows = entityManager.createNativeQuery("select owner_id from exchange_token where hash = ?1 and event_id = ?2")
                .setParameter(1, hash.get()).setParameter(2, eventId).getResultList();
        if (rows.isEmpty()) {
            return Problem.notFound(UNKNOWN);
        }
        if (((Number) rows.get(0)).longValue() == me) {
            return ownCode();
        }
        return Problem.of(ProblemType.CODE_NO_LONGER_VALID,
                "This code expired or was already used; ask for a fresh one.");
    }

    /**
     * One connection per pair whoever scanned whom: the pair is stored ordered under a unique constraint.
     * The code's owner shares (showing the code is consent); the scanner shares only if they choose to later,
     * or already did by showing their own code.
     */
    private Redeemed connect(long eventId, long owner, long scanner, Origin origin) {
        long low = Math.min(owner, scanner);
        long high = Math.max(owner, scanner);
        List<Connected> pair = connectStatement(eventId, low, high, owner, scanner, origin);
        if (pair.isEmpty()) {
            // The same pair was inserted by a scan that committed after this statement's snapshot was taken
            // (both people scanning each other at once): a new statement sees that row.
            pair = connectStatement(eventId, low, high, owner, scanner, origin);
        }
        Connected connected = pair.get(0);
        return new Redeemed(connected.side(), connected.created(), false);
    }

    /**
     * Inserts the pair, or finds it if it already exists, upserts both members, and answers with the
     * scanner's side of it (the columns of {@link Connections.Side}, then whether the pair is new), all in
     * one statement. The pair's insert and the lookup of an existing pair read the same snapshot, so
     * exactly one of them yields a row, unless a concurrent insert committed in between: then none does. Where
     * we met is the one public session running when the code was scanned ({@link #runningAt}).
     */
    private List<Connected> connectStatement(long eventId, long low, long high, long owner, long scanner, Origin origin) {
        return entityManager.createNativeQuery("""
                with fresh as (
                    insert into connection (event_id, user_low, user_high, session_id, via, scanned_at)
                    values (?1, ?2, ?3, (select s.id from session s where s.id = ?8 and s.event_id = ?1), ?6, ?7)
                    on conflict (event_id, user_low, user_high) do nothing
                    returning id, created_at, session_id, via, scanned_at),
                pair as (
                    select id, created_at, session_id, via, scanned_at, true as created from fresh
                    union all
                    select id, created_at, session_id, via, scanned_at, false from connection
                    where event_id = ?1 and user_low = ?2 and user_high = ?3),
                members as (
                    insert into connection_member as m (connection_id, user_id, shares, shared_at)
                    select pair.id, side.user_id, side.shares, side.shared_at
                    from pair, (values (cast(?4 as bigint), true, now()), (cast(?5 as bigint), false, cast(null as timestamptz)))
                               as side (user_id, shares, shared_at)
                    on conflict (connection_id, user_id) do update
                        set shares = m.shares or excluded.shares, shared_at = coalesce(m.shared_at, excluded.shared_at)
                    returning user_id, shares, note, starred)
                select pair.id, pair.created_at, pair.session_id, pair.via, pair.scanned_at, mine.shares, mine.note,
                       mine.starred, theirs.user_id, theirs.shares, pair.created
                from pair
                join members mine on mine.user_id = ?5
                join members theirs on theirs.user_id = ?4""", Connected.class)
                .setParameter(1, eventId).setParameter(2, low).setParameter(3, high)
                .setParameter(4, owner).setParameter(5, scanner).setParameter(6, origin.via().wireName())
                .setParameter(7, new TypedParameterValue<>(StandardBasicTypes.INSTANT, origin.scannedAt()))
                .setParameter(8, new TypedParameterValue<>(StandardBasicTypes.LONG, runningAt(eventId, origin))).getResultList();
    }

    /**
     * Where we met: the one session of the public schedule running when the code was scanned (now, or the time an
     * offline scanner claims), none while several run at once. Never the draft's, which the public does not see; the
     * statement keeps it only while its row is there.
     */
    private Long runningAt(long eventId, Origin origin) {
        Instant at = origin.scannedAt() == null ? Instant.now() : origin.scannedAt();
        List<Long> running = snapshots.publicSchedule(eventId).snapshot().sessions().stream()
                .filter(s -> s.status() == SessionStatus.SCHEDULED && !s.startsAt().toInstant().isAfter(at)
                        && s.endsAt().toInstant().isAfter(at))
                .map(SessionView::id).limit(2).toList();
        return running.size() == 1 ? running.get(0) : null;
    }
}
