package io.hallway.agenda;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Problem;
import io.hallway.schedule.ScheduleHttpCaching;
import io.hallway.schedule.ScheduleSnapshot;
import io.hallway.schedule.SessionView;

/**
 * The public schedule as iCalendar (RFC 5545), for calendar apps: renditions of the schedule snapshot, written
 * once per schedule version and kept with it, with an ETag per version and a 304 when unchanged, like the frab
 * exports. A session's calendar is kept only for a session of the snapshot, so the copies stay as many as
 * the sessions, whatever ids callers ask for.
 */
@Path("/api/events/{slug}")
@Produces(CalendarResource.TEXT_CALENDAR)
@PermitAll
@Tag(name = "Calendar")
public class CalendarResource {

    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";
    static final MediaType TEXT_CALENDAR_TYPE = MediaType.valueOf(TEXT_CALENDAR);

    private static final String SCHEDULE = "ics";

    @Inject
    ScheduleHttpCaching caching;

    @Inject
    CalendarDocuments documents;

    @GET
    @Path("schedule.ics")
    @Operation(operationId = "getScheduleCalendar", summary = "The whole published schedule as an iCalendar feed", description = "For calendar subscriptions: one VEVENT per session, in the event's time zone; cancelled sessions stay, marked cancelled, so calendars drop them. Calendar apps may reuse it for hallway.agenda.calendar-max-age (15 minutes by default); send If-None-Match with the last ETag and an unchanged schedule is a 304 with no body.")
    @APIResponse(responseCode = "200", description = "The schedule as iCalendar",
            content = @Content(mediaType = TEXT_CALENDAR))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public Response schedule(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return caching.respond(slug, SCHEDULE, TEXT_CALENDAR_TYPE, documents.cacheControl(),
                built -> built.rendition(SCHEDULE, snapshot -> documents.write(snapshot, snapshot.event().name(),
                        snapshot.sessions(), List.of())),
                ifNoneMatch, acceptEncoding);
    }

    @GET
    @Path("sessions/{id: \\d+}.ics")
    @Operation(operationId = "getSessionCalendar", summary = "One session as an iCalendar file", description = "To add one session to a calendar; its UID stays the same across changes, so adding it again updates the entry. A session of another event is a 404. Its ETag changes with the schedule version; send it in If-None-Match and an unchanged schedule is a 304 with no body.")
    @APIResponse(responseCode = "200", description = "The session as iCalendar",
            content = @Content(mediaType = TEXT_CALENDAR))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public Response session(@PathParam("slug") String slug, @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        String format = SCHEDULE + "-session-" + id;
        return caching.respond(slug, format, TEXT_CALENDAR_TYPE, documents.cacheControl(),
                built -> built.rendition(format, snapshot -> {
                    SessionView session = session(snapshot, id);
                    return documents.write(snapshot, session.title(), List.of(session), List.of());
                }), ifNoneMatch, acceptEncoding);
    }

    private static SessionView session(ScheduleSnapshot snapshot, long id) {
        return snapshot.sessions().stream().filter(session -> session.id() == id).findFirst()
                .orElseThrow(() -> Problem.notFound("No session " + id + " in this event."));
    }
}
