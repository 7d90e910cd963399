package io.hallway.agenda;

import java.util.List;

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
import io.hallway.schedule.Session;

/** The public schedule as iCalendar (RFC 5545), for calendar apps. */
@Path("/api/events/{slug}")
@Produces(CalendarResource.TEXT_CALENDAR)
@PermitAll
@Tag(name = "Calendar")
public class CalendarResource {

    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    @Inject
    CalendarDocuments documents;

    @GET
    @Path("schedule.ics")
    @Transactional
    @Operation(operationId = "getScheduleCalendar", summary = "The whole published schedule as an iCalendar feed",
            description = "For calendar subscriptions: one VEVENT per session, in the event's time zone; cancelled "
                    + "sessions stay, marked cancelled, so calendars drop them. Calendar apps may reuse it for "
                    + "hallway.agenda.calendar-max-age (15 minutes by default).")
    public Response schedule(@PathParam("slug") String slug) {
        Event event = Event.publishedOr404(slug);
        List<Session> sessions = Session.<Session> find("""
                select distinct s from Session s left join fetch s.room left join fetch s.speakers
                where s.event = ?1 order by s.startsAt, s.id""", event).list();
        return documents.respond(documents.write(event, event.name, sessions, List.of(), documents.base()));
    }

    @GET
    @Path("sessions/{id: \\d+}.ics")
    @Transactional
    @Operation(operationId = "getSessionCalendar", summary = "One session as an iCalendar file",
            description = "To add one session to a calendar; its UID stays the same across changes, so adding it "
                    + "again updates the entry. A session of another event is a 404.")
    public Response session(@PathParam("slug") String slug, @PathParam("id") long id) {
        Event event = Event.publishedOr404(slug);
        Session session = Session.<Session> find("""
                select distinct s from Session s left join fetch s.room left join fetch s.speakers
                where s.event = ?1 and s.id = ?2""", event, id).firstResultOptional()
                .orElseThrow(() -> Problem.notFound("No session " + id + " in this event."));
        return documents.respond(documents.write(event, session.title, List.of(session), List.of(), documents.base()));
    }

}
