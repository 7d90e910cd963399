package io.hallway.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.hallway.common.Problem;

/**
 * Fixed one-minute windows per person, event and action, counted in PostgreSQL so every replica
 * shares them. One row per person and action, overwritten when a new minute starts.
 */
@ApplicationScoped
class RateLimits {

    enum Action {
        ISSUE("make"), REDEEM("scan");

        private final String verb;

        Action(String verb) {
            this.verb = verb;
        }

        String column() {
            return name().toLowerCase();
        }
    }

    /**
     * Counts one hit and returns the count in this window ({@code hits}) and the seconds until the window
     * ends ({@code retry_after}). Parameters: ?1 the person, ?2 the event, ?3 {@link Action#column()}. A
     * statement that acts only within the limit uses it as its first common table expression.
     */
    static final String COUNT_HIT = """
            insert into exchange_rate_limit as r (user_id, event_id, action, window_start, hits)
            values (?1, ?2, ?3, date_trunc('minute', clock_timestamp()), 1)
            on conflict (user_id, event_id, action) do update
                set hits = case when r.window_start = excluded.window_start then r.hits + 1 else 1 end,
                    window_start = excluded.window_start
            returning hits, ceil(extract(epoch from r.window_start + interval '1 minute' - clock_timestamp())) as retry_after""";

    /** What {@link #COUNT_HIT} returns; the seconds are numeric, as PostgreSQL's extract() answers them. */
    record Hit(int hits, Number retryAfterSeconds) {
    }

    @Inject
    EntityManager entityManager;

    /**
     * Counts one hit, and past the limit throws a 429 with Retry-After: the seconds until the window ends.
     * Call in a transaction that a Problem does not roll back, or the hit would not count.
     */
    void hit(long userId, long eventId, Action action, int perMinute) {
        var hit = (Hit) entityManager.createNativeQuery(COUNT_HIT, Hit.class)
                .setParameter(1, userId).setParameter(2, eventId).setParameter(3, action.column())
                .getSingleResult();
        check(action, perMinute, hit.hits(), hit.retryAfterSeconds().longValue());
    }

    /** The 429 for a count past the limit, from {@link #COUNT_HIT}'s two columns. */
    static void check(Action action, int perMinute, int hits, long retryAfterSeconds) {
        if (hits > perMinute) {
            throw Problem.tooManyRequests("You can " + action.verb + " " + perMinute
                    + " codes a minute in this event; try again shortly.", Math.max(1, retryAfterSeconds));
        }
    }
}
