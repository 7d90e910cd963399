package io.hallway.team;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.hallway.people.PersonalData;
import io.hallway.people.PersonalData.AfterPurge;
import io.hallway.people.PersonalSection;

/**
 * The invitations a person made or redeemed in an event. Erasing takes the person off them (created_by,
 * redeemed_by) but keeps the invitations, which are the owners' record of who was let onto the team and when;
 * the person's membership itself is the team's part of their data.
 */
@Singleton
class InvitationData {

    /** One invitation as its maker or redeemer sees it in their export: never the token, nor anybody's id. */
    record MyInvitation(EventRole role, List<Long> roomIds, Instant createdAt, Instant expiresAt, boolean madeByMe,
            boolean redeemedByMe, Instant redeemedAt, Instant revokedAt) {

        static MyInvitation of(Invitation invitation, long userId) {
            return new MyInvitation(invitation.role, invitation.roomIds == null ? null : List.of(invitation.roomIds),
                    invitation.createdAt, invitation.expiresAt, Long.valueOf(userId).equals(invitation.createdBy),
                    Long.valueOf(userId).equals(invitation.redeemedBy), invitation.redeemedAt, invitation.revokedAt);
        }
    }

    @Produces
    @Singleton
    PersonalData invitations(Invitations invitations) {
        return new PersonalSection("invitations", Map.of("event_invitation", AfterPurge.ROWS_WITHOUT_PEOPLE),
                invitations::refersTo,
                (eventId, userId) -> invitations.of(eventId, userId).stream()
                        .map(invitation -> MyInvitation.of(invitation, userId)).toList(),
                invitations::forget, eventId -> Map.of("invitationsAnonymised", invitations.forgetEveryone(eventId)));
    }
}
