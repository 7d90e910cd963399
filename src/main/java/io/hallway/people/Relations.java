package io.hallway.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Whether two people of an event are connected, which decides what each sees of the other. */
@ApplicationScoped
public class Relations {

    @Inject
    SharedWith sharedWith;

    /** SELF for the owner; CONNECTION when the owner shares with the viewer; STRANGER otherwise. */
    public Audience audience(long eventId, long ownerId, long viewerId) {
        if (ownerId == viewerId) {
            return Audience.SELF;
        }
        return sharedWith.sharesWith(eventId, ownerId, viewerId) ? Audience.CONNECTION : Audience.STRANGER;
    }
}
