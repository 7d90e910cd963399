package io.hallway.exchange;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hallway.exchange")
public interface ExchangeConfig {

    /** Host of the app's links; a code's QR encodes https://<appDomain>/x#<token>. */
    @WithDefault("hallway.example")
    String appDomain();

    /** How long a code stays valid unless the event's settings say otherwise. */
    @WithDefault("120s")
    Duration tokenLifetime();

    /** Codes one attendee may issue per minute in an event. */
    @WithDefault("10")
    int issuesPerMinute();

    /** Codes one attendee may redeem (scan) per minute in an event, failed attempts included. */
    @WithDefault("30")
    int redeemsPerMinute();

    /**
     * Secret every replica shares, from which codes are derived, so the QR of the current code can be drawn
     * again without storing the code. Required in production (at least 32 characters); a dev or test run
     * without it uses a random key of its own.
     */
    Optional<String> tokenKey();

    /** Days after an event ends before its personal data is purged, unless set per event. */
    @WithDefault("30")
    int retentionDays();

    /**
     * How long a redeem's Idempotency-Key is remembered: a retry within it gets the first outcome, a later
     * one is a new scan. Older keys are deleted hourly by {@link IdempotencyExpiry}.
     */
    @WithDefault("24h")
    Duration idempotencyRetention();

    /**
     * How long after a claimed scan time an offline code may still be redeemed: a scanner without network keeps
     * what it read and redeems it once back online. A photographed code works within this period, no longer.
     */
    @WithDefault("12h")
    Duration offlineGrace();

    /** How far a scanning phone's clock may run ahead of the server's: a claimed scan time up to this far ahead is taken as now. */
    @WithDefault("2m")
    Duration offlineClockSkew();
}
