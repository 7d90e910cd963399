package io.hallway.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Whether two people of an event are connected, which decides what each sees of the other. */
@ApplicationScoped
public class Relations {

    @Inject
    EntityManager entityManager;

    /**
     * SELF for the owner; CONNECTION when the owner shares with the viewer in a connection both still
     * keep (removing a connection withdraws it both ways); STRANGER otherwise.
     */
    public Audience audience(long eventId, long ownerId, long viewerId) {
        if (ownerId == viewerId) {
            return Audience.SELF;
        }
        boolean shares = (Boolean) entityManager.createNativeQuery("""
                select exists (select 1 from connection c
                    join connection_member owner on owner.connection_id = c.id and owner.user_id = ?2 and owner.shares
                    join connection_member viewer on viewer.connection_id = c.id and viewer.user_id = ?3
                    where c.event_id = ?1 and c.user_low = least(?2, ?3) and c.user_high = greatest(?2, ?3))""")
                .setParameter(1, eventId).setParameter(2, ownerId).setParameter(3, viewerId).getSingleResult();
        return shares ? Audience.CONNECTION : Audience.STRANGER;
    }
}
