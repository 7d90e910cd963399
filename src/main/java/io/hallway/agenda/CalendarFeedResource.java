package io.hallway.agenda;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Problem;
import io.hallway.schedule.Event;

/**
 * A person's agenda as a subscribable calendar. Calendar apps poll it without a login, so the unguessable
 * token in the path is the only credential; a revoked or unknown one is simply not found.
 */
@Path("/api/calendar-feeds")
@Produces(CalendarResource.TEXT_CALENDAR)
@PermitAll
@Tag(name = "Calendar")
public class CalendarFeedResource {

    @Inject
    CalendarLinks links;

    @Inject
    CalendarDocuments documents;


    @GET
    @Path("{token}.ics")
    @Transactional
    @Operation(operationId = "getCalendarFeed",
            summary = "My agenda as an iCalendar feed, by the link from POST /api/events/{slug}/agenda/calendar-link",
            description = "No login: the unguessable token in the link is the credential. It follows bookmark and "
                    + "schedule changes. A revoked or unknown link is a 404.")
    public Response feed(@PathParam("token") String token) {
        CalendarLinks.Owner owner = links.owner(token)
                .orElseThrow(() -> Problem.notFound("No calendar feed at this link; it may have been revoked."));
        Event event = Event.findById(owner.eventId());
        if (!event.published) {
            throw Problem.notFound("No calendar feed at this link; it may have been revoked.");
        }
        return documents.respond(documents.write(event, event.name + " (my agenda)",
                Agendas.bookmarkedSessions(event.id, owner.userId()),
                Agendas.bookmarkedBlocks(event.id, owner.userId()), documents.base()));
    }
}
