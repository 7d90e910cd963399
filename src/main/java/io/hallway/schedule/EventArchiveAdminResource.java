package io.hallway.schedule;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;

@Path("/api/admin/events/{slug}/archive")
@Authenticated
@RequiresEventRole(EventRole.OWNER)
@Tag(name = "Admin: events")
public class EventArchiveAdminResource {

    @Inject
    @EventSection.Archive
    Instance<EventSection> sections;

    @GET
    @Transactional
    @Operation(operationId = "adminGetEventArchive", summary = "Everything the organizers made for the event, in one document", description = "One member per feature: the schedule as it stands (drafts too), the team and its invitations (never their tokens), the audit log oldest first. For the owners, to keep a record of an edition or to move it; attendees' own data is in each person's own export, not here.")
    public Map<String, Object> archive(@PathParam("slug") String slug) {
        return EventSection.document(sections, Event.bySlugOr404(slug).id);
    }

    /** The schedule as it stands, published or not, in the shape of the public snapshot. */
    record Schedule(EventView event, long scheduleVersion, List<RoomView> rooms, List<TrackView> tracks,
            List<SpeakerView> speakers, List<SessionView> sessions, List<BlockView> blocks) {
    }

    @Produces
    @Singleton
    @EventSection.Archive
    static EventSection schedule() {
        return new EventSection("schedule", eventId -> {
            Event event = Event.findById(eventId);
            ScheduleReader.Rows rows = ScheduleReader.changedSince(event, ScheduleReader.EVERYTHING);
            return new Schedule(EventView.from(event), event.scheduleVersion, rows.rooms(), rows.tracks(),
                    rows.speakers(), rows.sessions(), rows.blocks());
        });
    }
}
