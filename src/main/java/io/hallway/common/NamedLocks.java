package io.hallway.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * PostgreSQL transaction-level advisory locks by name, in this application's key space ({@link OneReplicaAtATime}):
 * a lock every replica sees, held until the transaction that took it ends, for writes that must not interleave
 * although they touch different rows.
 */
@ApplicationScoped
public class NamedLocks {

    @Inject
    EntityManager entityManager;

    /** Waits for the lock, then holds it until the transaction ends. */
    public void hold(String name) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, OneReplicaAtATime.LOCK_SPACE).setParameter(2, name).getSingleResult();
    }
}
