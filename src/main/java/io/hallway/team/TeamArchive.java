package io.hallway.team;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.schedule.EventArchiveSection;

/** The team's part of an event's archive: its members and every invitation made, never a token. */
@ApplicationScoped
class TeamArchive implements EventArchiveSection {

    record Team(List<Members.Member> members, List<InvitationView> invitations) {
    }

    @Inject
    Members members;

    @Override
    public String name() {
        return "team";
    }

    @Override
    public Object export(long eventId) {
        Instant now = Instant.now();
        return new Team(members.forEvent(eventId), Invitation.<Invitation> list("eventId = ?1 order by createdAt, id",
                eventId).stream().map(invitation -> InvitationView.from(invitation, now)).toList());
    }
}
