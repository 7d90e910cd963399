package io.hallway.team;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.people.PersonalData;

/**
 * The team's personal data: the person's membership in the event (role, rooms, the name from their token). An
 * erasure takes them off the team even if they were its last owner; the event is then the operator's (the admin
 * realm role) until an owner is invited. The retention purge keeps the team: it is who runs the event, not what
 * attendees left behind, and it goes when the event is deleted. Invitations (event_invitation) answer for
 * themselves.
 */
@ApplicationScoped
class TeamData implements PersonalData {

    @Inject
    Members members;

    @Override
    public String section() {
        return "team";
    }

    @Override
    public boolean holds(long eventId, long userId) {
        return members.holds(eventId, userId);
    }

    @Override
    public Object export(long eventId, long userId) {
        return members.member(eventId, userId).orElse(null);
    }

    @Override
    public void erase(long eventId, long userId) {
        members.erase(eventId, userId);
    }

    @Override
    public Map<String, Long> purge(long eventId) {
        return Map.of();
    }
}
