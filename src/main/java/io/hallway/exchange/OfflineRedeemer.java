package io.hallway.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Users;
import io.hallway.people.Blocks;

/**
 * Turns an offline code, read without the network and redeemed later, into a connection: the code must be the
 * one the shower's app displayed at the claimed scan time (one step either way), the scan within the grace
 * period, and the code unused. Then it takes the same path as a code shown online ({@link Redeemer#redeemOnce}):
 * rate limit, idempotency, own code, consent and share-back.
 */
@ApplicationScoped
class OfflineRedeemer {

    /** As for online codes: one answer for any code we cannot use, so a guess learns nothing about real ones. */
    private static final String UNKNOWN = "This code is not valid for this event.";
    /** The steps either side of the scan time's step whose code is accepted: the shower's clock may be off a little. */
    static final int STEP_TOLERANCE = 1;

    @Inject
    Blocks blocks;

    @Inject
    Users users;

    @Inject
    Redeemer redeemer;

    @Inject
    RateLimits rateLimits;

    @Inject
    OfflineSecrets secrets;

    @Inject
    TokenCodec codec;

    @Inject
    ExchangeConfig config;

    /** A refusal does not roll back, so the scan counts against the rate limit (nothing else is written before one). */
    @Transactional(dontRollbackOn = Problem.class)
    Redeemer.Redeemed redeem(long eventId, String scanned, Instant scannedAt, String idempotencyKey) {
        long me = users.currentId();
        Optional<OfflineCodes.Code> code = OfflineCodes.parse(scanned);
        if (code.isEmpty()) {
            admit(eventId, me, scannedAt);
            throw Problem.notFound(UNKNOWN);
        }
        // A scan time within the clock skew ahead of ours is recorded as now: a connection made in the future
        // would read wrong in both people's lists. The step check keeps the phone's own clock, the shower's twin.
        Instant now = Instant.now();
        Instant recorded = scannedAt.isAfter(now) ? now : scannedAt;
        return redeemer.redeemOnce(eventId, me, code.get().hash(), idempotencyKey,
                new Redeemer.Origin(ConnectionVia.OFFLINE, recorded), () -> win(eventId, me, code.get(), scannedAt));
    }

    /**
     * Counts the scan, and checks that the exchange is on and that the scan time lies within the grace period and
     * not ahead of now (give or take the clock skew).
     */
    private void admit(long eventId, long me, Instant scannedAt) {
        rateLimits.hit(me, eventId, RateLimits.Action.REDEEM, config.redeemsPerMinute());
        if (!ExchangeSettings.of(eventId, config).exchangeEnabled) {
            throw Exchanges.switchedOff();
        }
        Instant now = Instant.now();
        if (scannedAt.isAfter(now.plus(config.offlineClockSkew()))) {
            throw Problem.of(ProblemType.SCAN_TIME_IN_FUTURE,
                    "scannedAt is later than the server's time; send the time the code was read, from the scanning phone's clock.");
        }
        if (scannedAt.isBefore(now.minus(config.offlineGrace()))) {
            throw Problem.of(ProblemType.SCAN_TOO_OLD, "Offline codes can be redeemed up to "
                    + describe(config.offlineGrace()) + " after they were scanned; this one was scanned earlier.");
        }
    }

    /**
     * After {@link #admit}: the code names a secret of this event and its MAC verifies with that secret as it is
     * now (a rotated secret's codes do not); it is not the scanner's own; its step is the scan time's, give or take
     * {@link #STEP_TOLERANCE}; and nobody redeemed it before. Answers the code's owner.
     */
    private long win(long eventId, long me, OfflineCodes.Code code, Instant scannedAt) {
        admit(eventId, me, scannedAt);
        OfflineSecrets.ForCode secret = secrets.forCode(eventId, code.holder())
                .filter(s -> OfflineCodes.madeWith(code, codec.offlineSecret(s.nonce())))
                .orElseThrow(() -> Problem.notFound(UNKNOWN));
        if (secret.userId() == me) {
            throw Redeemer.ownCode();
        }
        if (Math.abs(code.step() - OfflineCodes.step(scannedAt)) > STEP_TOLERANCE) {
            throw Problem.of(ProblemType.CODE_NOT_SHOWN_AT_SCAN_TIME,
                    "This code was not on the other phone's screen at scannedAt; check both phones' clocks, or scan again.");
        }
        long oldestAcceptable = OfflineCodes.step(Instant.now().minus(config.offlineGrace())) - STEP_TOLERANCE;
        // Between people one of whom blocked the other, the code stays unused and reads as one already used: the
        // blocked person cannot tell.
        if (blocks.eitherBlocks(eventId, me, secret.userId()) || !secrets.use(secret.id(), code.step(), oldestAcceptable)) {
            throw Problem.of(ProblemType.OFFLINE_CODE_USED, "This code was already redeemed; scan a fresh one.");
        }
        return secret.userId();
    }

    private static String describe(Duration grace) {
        return grace.toMinutes() % 60 == 0 ? grace.toHours() + " h" : grace.toMinutes() + " min";
    }
}
