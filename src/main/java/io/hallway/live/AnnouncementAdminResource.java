package io.hallway.live;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import io.hallway.common.Problem;
import io.hallway.common.Versions;
import io.hallway.schedule.Event;
import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;

@Path("/api/admin/events/{slug}/announcements")
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@RequiresEventRole(EventRole.HOST)
@Tag(name = "Admin: announcements")
public class AnnouncementAdminResource {

    @Inject
    Announcements announcements;

    @GET
    @Operation(operationId = "adminListAnnouncements", summary = "The event's announcements, past, showing and to come", description = "Newest start first.")
    public Page<AnnouncementView> list(@PathParam("slug") String slug, @Valid @BeanParam PageRequest page) {
        Event event = Event.bySlugOr404(slug);
        return Page.of(Announcement.find("eventId = ?1 order by startsAt desc, id desc", event.id), page,
                (Announcement a) -> AnnouncementView.from(a, event.zone()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "adminGetAnnouncement", summary = "One announcement", description = "The ETag is its version: send it back as If-Match (or as version in the body) to change it.")
    public Response get(@PathParam("slug") String slug, @PathParam("id") long id) {
        Event event = Event.bySlugOr404(slug);
        Announcement announcement = find(event, id);
        return Versions.tagged(AnnouncementView.from(announcement, event.zone()), announcement.version);
    }

    @POST
    @Transactional
    @Operation(operationId = "adminPostAnnouncement", summary = "Announce something to everyone, a room, a level or a session's audience", description = "201 with its Location. It shows in the live document (getLiveDocument) from startsAt (default now) until endsAt, and reaches the change feed (getMyChanges) of the people it is for: everyone; for a room or level, who bookmarked a session there expected (by the hosts' reports) to run while it shows; for a session, who bookmarked it. A host limited to rooms may address only the people of those rooms.")
    public Response post(@PathParam("slug") String slug, @Valid @NotNull AnnouncementRequest request) {
        Event event = Event.bySlugOr404(slug);
        Announcement announcement = announcements.post(event, request);
        return Response.created(URI.create("/api/admin/events/" + slug + "/announcements/" + announcement.id))
                .entity(AnnouncementView.from(announcement, event.zone())).build();
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(operationId = "adminUpdateAnnouncement", summary = "Correct an announcement, or show it for longer", description = "Send the version you read, as If-Match (the ETag of the GET) or as version in the body: none is a 428, a stale one a 409, and nothing changes. Once it has started, it reaches the change feed (getMyChanges) of the people it is now for and had not reached, as corrected (a wider audience reaches those it adds); what a feed already carried stays.")
    public Response update(@PathParam("slug") String slug, @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull AnnouncementRequest request) {
        long expected = Versions.expected(ifMatch, request.version());
        Event event = Event.bySlugOr404(slug);
        Announcement announcement = find(event, id);
        Versions.check(expected, announcement.version, "The announcement");
        announcements.change(event, announcement, request);
        return Versions.tagged(AnnouncementView.from(announcement, event.zone()), announcement.version);
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(operationId = "adminWithdrawAnnouncement", summary = "Withdraw an announcement", description = "It leaves the live document at once; what the change feed already carried stays there.")
    public void withdraw(@PathParam("slug") String slug, @PathParam("id") long id) {
        Event event = Event.bySlugOr404(slug);
        announcements.withdraw(event, find(event, id));
    }

    private static Announcement find(Event event, long id) {
        return Announcement.inEvent(event.id, id)
                .orElseThrow(() -> Problem.notFound("No announcement " + id + " in this event."));
    }
}
