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
        ISSUE, REDEEM
    }

    @Inject
    EntityManager entityManager;

    /**
     * Counts one hit, and past the limit throws a 429 with Retry-After: the seconds until the window ends.
     * Call in a transaction that a Problem does not roll back, or the hit would not count.
     */
    void hit(long userId, long eventId, Action action, int perMinute, String verb, String things) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                insert into exchange_rate_limit as r (user_id, event_id, action, window_start, hits)
                values (?1, ?2, ?3, date_trunc('minute', clock_timestamp()), 1)
                on conflict (user_id, event_id, action) do update
                    set hits = case when r.window_start = excluded.window_start then r.hits + 1 else 1 end,
                        window_start = excluded.window_start
                returning hits, ceil(extract(epoch from r.window_start + interval '1 minute' - clock_timestamp()))""")
                .setParameter(1, userId).setParameter(2, eventId).setParameter(3, action.name().toLowerCase())
                .getSingleResult();
        int hits = ((Number) row[0]).intValue();
        if (hits > perMinute) {
            throw Problem.tooManyRequests("You can " + verb + " " + perMinute + " " + things
                    + " a minute in this event; try again shortly.", Math.max(1, ((Number) row[1]).longValue()));
        }
    }
}
