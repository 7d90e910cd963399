package io.hallway.notify;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How notifications are collected, delivered, retried and kept ({@code hallway.notify.*}). */
@ConfigMapping(prefix = "hallway.notify")
public interface NotifyConfig {

    /**
     * How long a person's notification waits for further changes before it goes out: changes within it
     * arrive as one ("3 of your sessions changed").
     */
    @WithDefault("60s")
    Duration collectWindow();

    /**
     * Apps refresh within this many seconds of a notification, each person at their own second in it: a
     * release to 10,000 people spreads their refreshes over the window instead of one instant.
     */
    @WithDefault("120s")
    Duration refreshSpread();

    /** How often each replica's worker looks for notifications to seal and deliveries that are due. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Deliveries a worker claims at once; they are sent in parallel by {@link #senders()} threads. */
    @WithDefault("200")
    int batchSize();

    /** Parallel sends per replica. */
    @WithDefault("16")
    int senders();

    /** How long a claimed delivery is its worker's: past it, a worker that died has lost it to the others. */
    @WithDefault("2m")
    Duration lease();

    /** Attempts before a delivery is given up (dead, counted); the waits between them double from {@link #firstRetry()}. */
    @WithDefault("8")
    int maxAttempts();

    @WithDefault("5s")
    Duration firstRetry();

    /** The longest wait between two attempts, a push service's Retry-After included. */
    @WithDefault("30m")
    Duration longestRetry();

    /** How long delivered and dead notifications are kept before the prune deletes them. */
    @WithDefault("7d")
    Duration retention();

    /** How long a sender waits to connect (DNS, TCP, TLS), beyond which the outcome is RETRY with status 0. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** How long a sender waits from sending the request until the status and headers arrive. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** The browser push subscriptions one person may register per event. */
    @WithDefault("10")
    int subscriptionsPerPerson();

    Push push();

    interface Push {

        /**
         * The push services subscriptions may point at (host names; "*." covers subdomains): the server posts
         * to whatever endpoint a subscription names, so any other is refused at registration.
         */
        @WithDefault("fcm.googleapis.com,*.push.services.mozilla.com,*.notify.windows.com,*.push.apple.com")
        java.util.List<String> allowedHosts();

        /** Plain http endpoints: only for a push service run inside tests. */
        @WithDefault("false")
        boolean allowPlainHttp();
    }
}
