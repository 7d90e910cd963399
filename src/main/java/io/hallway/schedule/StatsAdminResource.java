package io.hallway.schedule;

import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;

@Path("/api/admin/events/{slug}/stats")
@Authenticated
@RequiresEventRole(EventRole.EDITOR)
@Tag(name = "Admin: events")
public class StatsAdminResource {

    @Inject
    @EventSection.Stats
    Instance<EventSection> sections;

    @GET
    @Operation(operationId = "adminGetEventStats", summary = "Organizer statistics: one section per feature, counts only", description = "One member per feature (schedule, agenda, people, ...) with counts and rankings; never who did what.")
    public Map<String, Object> stats(@PathParam("slug") String slug) {
        return EventSection.document(sections, Event.bySlugOr404(slug).id);
    }

    /** The schedule's own figures. */
    record Figures(long sessions, long cancelledSessions, long speakers, long rooms, long scheduleVersion) {
    }

    @Produces
    @Singleton
    @EventSection.Stats
    static EventSection schedule() {
        return new EventSection("schedule", eventId -> {
            Event event = Event.findById(eventId);
            return new Figures(Session.count("event", event),
                    Session.count("event = ?1 and status = ?2", event, SessionStatus.CANCELLED),
                    Speaker.count("event", event), Room.count("event", event), event.scheduleVersion);
        });
    }
}
