package io.hallway.common;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Runs background work on one replica at a time. The work runs in a transaction of its own that first
 * tries a PostgreSQL transaction-level advisory lock named for the job; a replica that does not get it skips
 * this round, because another replica is doing the same work right now. The lock ends with the transaction,
 * so a replica that dies half-way through frees it.
 */
@ApplicationScoped
public class OneReplicaAtATime {

    /** The first half of this application's advisory lock keys ("Hall"); the second is the job's name, hashed. */
    public static final int LOCK_SPACE = 0x48616c6c;

    @Inject
    EntityManager entityManager;

    /** The work's result, or empty when another replica holds the job's lock. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> Optional<T> run(String job, Supplier<T> work) {
        boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, LOCK_SPACE).setParameter(2, job).getSingleResult();
        return locked ? Optional.of(work.get()) : Optional.empty();
    }
}
