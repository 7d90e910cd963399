package io.hallway.schedule;


import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Page;
import io.hallway.common.PageRequest;
import io.hallway.common.Versions;
import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;

@Path("/api/admin/events/{slug}/sessions")
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@RequiresEventRole(EventRole.EDITOR)
@Tag(name = "Admin: sessions")
public class SessionAdminResource {

    @Inject
    SessionEditor editor;

    @GET
    @Operation(operationId = "adminListSessions", summary = "The event's sessions, cancelled ones included", description = "In time order, lightning talks in blocks included, for draft events too. Without bookmark counts: those are in the public listSessions and getFillLevels.")
    public Page<SessionView> sessions(@PathParam("slug") String slug, @Valid @BeanParam PageRequest page) {
        Event event = Event.bySlugOr404(slug);
        return Page.of(Session.<Session> find("event = ?1 order by startsAt, id", event), page,
                session -> SessionView.from(session, event.zone()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "adminGetSession", summary = "One session", description = "The ETag is the session's version: send it back as If-Match (or as version in the body) to update it.")
    public Response session(@PathParam("slug") String slug, @PathParam("id") long id) {
        Event event = Event.bySlugOr404(slug);
        Session session = Session.inEvent(event, id);
        return Versions.tagged(SessionView.from(session, event.zone()), session.version);
    }

    @POST
    @Operation(operationId = "adminCreateSession", summary = "Add a session", description = "201 with its Location. The schedule rules apply: within the event's dates and duration limits, and no longer than 99 hours 59 minutes whatever the kind (400), in a free room and with speakers not booked elsewhere at the time (409, naming the clash in clashingSessionId or clashingBlockId).")
    public Response create(@PathParam("slug") String slug, @Valid @NotNull SessionRequest request) {
        Session session = editor.create(slug, request);
        return ScheduleEntityEdits.created(slug, "sessions", session, SessionView.from(session, session.event.zone()));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "adminUpdateSession", summary = "Change a session; set status to cancelled to cancel it (it stays in the schedule)", description = "Send the version you read, as If-Match (the ETag of the GET) or as version in the body: none is a 428, a stale one a 409 with currentVersion, and nothing changes. The schedule rules apply as on create. Attendees who bookmarked the session see the change in getMyChanges.")
    public Response update(@PathParam("slug") String slug, @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull SessionRequest request) {
        Session session = editor.update(slug, id, Versions.expected(ifMatch, request.version()), request);
        return Versions.tagged(SessionView.from(session, session.event.zone()), session.version);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "adminDeleteSession", summary = "Delete a session: it leaves the schedule (cancel it instead to keep it visible)", description = "Attendees who bookmarked it see it deleted in getMyChanges; apps get a tombstone in getScheduleChanges.")
    public void delete(@PathParam("slug") String slug, @PathParam("id") long id) {
        editor.delete(slug, id);
    }
}
