package io.hallway.exchange;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.hallway.common.OneReplicaAtATime;
import io.quarkus.scheduler.Scheduled;

/**
 * Forgets redeem Idempotency-Keys once they are older than {@code hallway.exchange.idempotency-retention}:
 * apps retry within seconds, and each key names a person and a code. Hourly, on one replica at a time.
 */
@ApplicationScoped
class IdempotencyExpiry {

    static final String JOB = "exchange.idempotency-expiry";

    @Inject
    OneReplicaAtATime oneReplica;

    @Inject
    ExchangeConfig config;

    @Inject
    EntityManager entityManager;

    @Scheduled(identity = JOB, every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        expire(Instant.now());
    }

    /** Deletes the keys older than the retention at the instant: how many, or empty when another replica is at it. */
    Optional<Integer> expire(Instant now) {
        return oneReplica.run(JOB, () -> entityManager.createNativeQuery("delete from exchange_idempotency where created_at < ?1")
                .setParameter(1, now.minus(config.idempotencyRetention())).executeUpdate());
    }
}
