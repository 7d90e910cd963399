package io.hallway.team;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.hallway.schedule.EventSection;

/** The team's part of an event's archive: its members and every invitation made, never a token. */
@Singleton
class TeamArchive {

    record Team(List<Members.Member> members, List<InvitationView> invitations) {
    }

    @Produces
    @Singleton
    @EventSection.Archive
    EventSection team(Members members) {
        return new EventSection("team", eventId -> {
            Instant now = Instant.now();
            return new Team(members.forEvent(eventId), Invitation.<Invitation> list(
                    "eventId = ?1 order by createdAt, id", eventId).stream()
                    .map(invitation -> InvitationView.from(invitation, now)).toList());
        });
    }
}
