package io.hallway.suggestions;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/**
 * Builds the pools that are due ({@link CandidatePool}): after bookmark changes, every {@code rebuild-every}, and
 * for opt-ins nobody built yet (those before the pools existed). Every replica runs it: each batch claims its
 * people with {@code for update skip locked}, so two replicas never build the same pool. A round goes on while
 * pools are due, for at most a minute, so that a backlog drains without waiting for the next round.
 */
@ApplicationScoped
class PoolWorker {

    private static final Duration ROUND = Duration.ofMinutes(1);

    @Inject
    CandidatePool pools;

    @Scheduled(identity = "suggestion-pools", every = "${hallway.suggestions.refresh-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        buildDue(Instant.now().plus(ROUND));
    }

    /** Builds due pools batch by batch, an event at a time, until none is due or the deadline passed: how many. */
    int buildDue(Instant deadline) {
        int built = 0;
        int batch;
        do {
            batch = pools.buildDue();
            built += batch;
        } while (batch > 0 && Instant.now().isBefore(deadline));
        return built;
    }
}
