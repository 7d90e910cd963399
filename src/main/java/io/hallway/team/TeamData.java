package io.hallway.team;

import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.hallway.people.PersonalData;
import io.hallway.people.PersonalData.AfterPurge;
import io.hallway.people.PersonalSection;

/**
 * The team's personal data: the person's membership in the event (role, rooms, the name from their token). An
 * erasure takes them off the team even if they were its last owner; the event is then the operator's (the admin
 * realm role) until an owner is invited. The retention purge keeps the team: it is who runs the event, not what
 * attendees left behind, and it goes when the event is deleted. Invitations (event_invitation) answer for
 * themselves.
 */
@Singleton
class TeamData {

    @Produces
    @Singleton
    PersonalData team(Members members) {
        return new PersonalSection("team", Map.of("event_member", AfterPurge.ALL), members::holds,
                (eventId, userId) -> members.member(eventId, userId).orElse(null), members::erase,
                eventId -> Map.of());
    }
}
