package io.hallway.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.hallway.people.SharedWith;

/** Who shares with whom, from the connections this feature keeps (removing a connection withdraws it both ways). */
@ApplicationScoped
class ConnectionSharing implements SharedWith {

    @Inject
    EntityManager entityManager;

    @Override
    public boolean sharesWith(long eventId, long ownerId, long viewerId) {
        return (Boolean) entityManager.createNativeQuery("""
                select exists (select 1 from connection c
                    join connection_member owner on owner.connection_id = c.id and owner.user_id = ?2 and owner.shares
                    join connection_member viewer on viewer.connection_id = c.id and viewer.user_id = ?3
                    where c.event_id = ?1 and c.user_low = least(?2, ?3) and c.user_high = greatest(?2, ?3))""")
                .setParameter(1, eventId).setParameter(2, ownerId).setParameter(3, viewerId).getSingleResult();
    }
}
