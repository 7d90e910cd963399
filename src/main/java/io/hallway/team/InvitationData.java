package io.hallway.team;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.people.PersonalData;

/**
 * The invitations a person made or redeemed in an event. Erasing takes the person off them (created_by,
 * redeemed_by) but keeps the invitations, which are the owners' record of who was let onto the team and when;
 * the person's membership itself is the team's part of their data.
 */
@ApplicationScoped
class InvitationData implements PersonalData {

    /** One invitation as its maker or redeemer sees it in their export: never the token, nor anybody's id. */
    record MyInvitation(EventRole role, List<Long> roomIds, Instant createdAt, Instant expiresAt, boolean madeByMe,
            boolean redeemedByMe, Instant redeemedAt, Instant revokedAt) {
    }

    @Inject
    Invitations invitations;

    @Override
    public String section() {
        return "invitations";
    }

    @Override
    public boolean holds(long eventId, long userId) {
        return invitations.refersTo(eventId, userId);
    }

    @Override
    public Object export(long eventId, long userId) {
        return invitations.of(eventId, userId).stream().map(invitation -> new MyInvitation(invitation.role,
                invitation.roomIds == null ? null : List.of(invitation.roomIds), invitation.createdAt,
                invitation.expiresAt, Long.valueOf(userId).equals(invitation.createdBy),
                Long.valueOf(userId).equals(invitation.redeemedBy), invitation.redeemedAt, invitation.revokedAt))
                .toList();
    }

    @Override
    public void erase(long eventId, long userId) {
        invitations.forget(eventId, userId);
    }

    @Override
    public Map<String, Long> purge(long eventId) {
        return Map.of("invitationsAnonymised", invitations.forgetEveryone(eventId));
    }
}
