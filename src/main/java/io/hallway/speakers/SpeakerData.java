package io.hallway.speakers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.hallway.people.PersonalData;
import io.hallway.people.PersonalData.AfterPurge;
import io.hallway.people.PersonalSection;
import io.hallway.schedule.Speaker;

/**
 * A person's part in the event's speakers: the speaker records their account is linked to, and the invitations
 * to link one that they made or redeemed. An erasure unlinks them (the speaker records are the schedule's and
 * stay) and takes them off the invitations, which stay as the organizers' record; the retention purge does both
 * for everyone.
 */
@Singleton
class SpeakerData {

    /** A speaker record I am linked to, by its id and name in the schedule. */
    record MyLink(long speakerId, String name, Instant linkedAt) {
    }

    /** An invitation I made or redeemed: never the token, nor anybody's id. */
    record MyInvitation(long speakerId, Instant createdAt, Instant expiresAt, boolean madeByMe, boolean redeemedByMe,
            Instant redeemedAt, Instant revokedAt) {
    }

    record Export(List<MyLink> links, List<MyInvitation> invitations) {
    }

    @Inject
    SpeakerLinks links;

    @Inject
    SpeakerInvitations invitations;

    @Produces
    @Singleton
    PersonalData speaking() {
        return new PersonalSection("speaking",
                Map.of("speaker_link", AfterPurge.NONE, "speaker_invitation", AfterPurge.ROWS_WITHOUT_PEOPLE),
                this::holds, this::export, (eventId, userId) -> {
                    links.erase(eventId, userId);
                    invitations.forget(eventId, userId);
                }, eventId -> Map.of("speakerLinks", links.purge(eventId), "speakerInvitationsAnonymised",
                        invitations.forgetEveryone(eventId)));
    }

    private boolean holds(long eventId, long userId) {
        return !links.of(eventId, userId).isEmpty() || !invitations.of(eventId, userId).isEmpty();
    }

    private Export export(long eventId, long userId) {
        if (!holds(eventId, userId)) {
            return null;
        }
        List<MyLink> mine = links.of(eventId, userId).stream().map(link -> new MyLink(link.speakerId(),
                Speaker.<Speaker> findByIdOptional(link.speakerId()).map(speaker -> speaker.name).orElse(null),
                link.linkedAt())).toList();
        Long me = userId;
        return new Export(mine, invitations.of(eventId, userId).stream().map(invitation -> new MyInvitation(
                invitation.speakerId, invitation.createdAt, invitation.expiresAt, me.equals(invitation.createdBy),
                me.equals(invitation.redeemedBy), invitation.redeemedAt, invitation.revokedAt)).toList());
    }
}
