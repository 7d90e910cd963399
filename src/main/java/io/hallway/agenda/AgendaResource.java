package io.hallway.agenda;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestResponse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Roles;
import io.hallway.common.Users;
import io.hallway.people.SelfService;
import io.hallway.schedule.Event;
import io.hallway.schedule.ScheduleHistory;
import io.hallway.schedule.ScheduleCursors;

/**
 * The caller's own agenda for an event. Whose agenda it is comes from the token, never from the request.
 * Reading it, its changes, and removing bookmarks or the calendar link work on an unpublished event I keep
 * something in ({@link SelfService}); new bookmarks and new calendar links need a published one.
 */
@Path("/api/events/{slug}/agenda")
@RolesAllowed(Roles.ATTENDEE)
@Tag(name = "Agenda")
public class AgendaResource {

    /** The changes to my sessions since a cursor, and the cursor to ask from next time. */
    public record MyChanges(String cursor, List<AgendaChangeLog.Entry> changes) {
    }

    @Inject
    BookmarkStore bookmarks;

    @Inject
    Agendas agendas;

    @Inject
    AgendaChangeLog changeLog;

    @Inject
    ScheduleHistory history;

    @Inject
    ScheduleCursors cursors;

    @Inject
    Users users;

    @Inject
    SelfService selfService;

    @Inject
    CalendarLinks calendarLinks;

    @Inject
    CalendarDocuments calendars;

    /** The subscribable address of my agenda; shown once, only its hash is kept. */
    public record CalendarLink(String url) {
    }

    @GET
    @Operation(operationId = "getAgenda", summary = "My bookmarked sessions in time order, with the ones that clash and the free time between them", description = "Whose agenda it is comes from the token. Conflicts say which sessions overlap and by how many minutes; gaps give the free time between one session and the next, whether the room changes and, where the venue map knows it, the walking time.")
    public AgendaView agenda(@PathParam("slug") String slug) {
        var userId = users.existingId();
        return agendas.of(slug, userId.isPresent() ? userId.getAsLong() : null);
    }

    @PUT
    @Path("sessions/{id}")
    @Operation(operationId = "bookmarkSession", summary = "Bookmark a session; bookmarking it again changes nothing", description = "204 whether or not it was bookmarked before. A cancelled session is a 409; a session of another event, or one not yet released in manual-release mode, a 404.")
    public void bookmarkSession(@PathParam("slug") String slug, @PathParam("id") long id) {
        bookmarks.bookmarkSession(slug, id);
    }

    @DELETE
    @Path("sessions/{id}")
    @Operation(operationId = "unbookmarkSession", summary = "Remove a session's bookmark; removing it again changes nothing", description = "204 whether or not it was bookmarked.")
    public void removeSession(@PathParam("slug") String slug, @PathParam("id") long id) {
        bookmarks.removeSession(slug, id);
    }

    @PUT
    @Path("blocks/{id}")
    @Operation(operationId = "bookmarkBlock", summary = "Bookmark a whole lightning block, whichever talks it holds", description = "Talks added to the block later are in the agenda too. 204 whether or not it was bookmarked before; a block of another event, or one not yet released in manual-release mode, is a 404.")
    public void bookmarkBlock(@PathParam("slug") String slug, @PathParam("id") long id) {
        bookmarks.bookmarkBlock(slug, id);
    }

    @DELETE
    @Path("blocks/{id}")
    @Operation(operationId = "unbookmarkBlock", summary = "Remove a lightning block's bookmark", description = "204 whether or not it was bookmarked.")
    public void removeBlock(@PathParam("slug") String slug, @PathParam("id") long id) {
        bookmarks.removeBlock(slug, id);
    }

    @GET
    @Path("changes")
    @Operation(operationId = "getMyChanges", summary = "What changed in my bookmarked sessions since a cursor", description = "Two kinds of entry, told apart by kind: schedule (moved in time or room, cancelled, reinstated, speakers changed, deleted; each with before and after) and delay (a room's host reported a delay, or on time again, that moved the session's expected start by at least hallway.live.change-threshold; with the planned, previous and new expected start and a sentence to show). Entries are in the order they were recorded. Send back the cursor of each answer: delays add entries without a new schedule version, and the cursor knows which you have. A cursor older than the kept history, or from before cursors were signed, is a 410: fetch the schedule again and use its cursor. A cursor the server did not hand out for this event is a 400.")
    @Transactional
    public MyChanges changes(@PathParam("slug") String slug, @QueryParam("since") String since) {
        var mine = selfService.mine(slug);
        Event event = mine.event();
        ScheduleCursors.Position from = history.position(event, since, "/api/events/" + slug + "/schedule");
        var userId = mine.me();
        if (userId.isEmpty()) {
            return new MyChanges(cursors.encode(event.id, event.publicVersion()), List.of());
        }
        AgendaChangeLog.Through through = changeLog.through(event.id, userId.getAsLong(), event.publicVersion());
        List<AgendaChangeLog.Entry> entries = changeLog.between(event.id, userId.getAsLong(), from,
                event.publicVersion(), through.lastId(), event.zone());
        // The schedule's own cursor while no delay or announcement of this version is among my entries; else one
        // that also says which entries I have, as more of them may come at this version.
        String cursor = through.betweenVersionsAtVersion() ? cursors.encode(event.id, event.publicVersion(), through.lastId())
                : cursors.encode(event.id, event.publicVersion());
        return new MyChanges(cursor, entries);
    }

    @POST
    @Path("calendar-link")
    @Transactional
    @Operation(operationId = "createCalendarLink", summary = "Create a private calendar feed link for my agenda, replacing any earlier one", description = "Calendar apps poll the URL without a login; treat it like a password. It follows bookmark and schedule changes.")
    public RestResponse<CalendarLink> createCalendarLink(@PathParam("slug") String slug) {
        var acting = selfService.acting(slug);
        String token = calendarLinks.issue(acting.me(), acting.event().id);
        URI url = calendars.base().resolve("api/calendar-feeds/" + token + ".ics");
        return RestResponse.ResponseBuilder.<CalendarLink> created(url).entity(new CalendarLink(url.toString()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @DELETE
    @Path("calendar-link")
    @Transactional
    @Operation(operationId = "revokeCalendarLink", summary = "Revoke my calendar feed link; the old URL stops working at once", description = "204 also when there was no link. The old URL answers 404 from then on; create a new link to subscribe again.")
    public void revokeCalendarLink(@PathParam("slug") String slug) {
        var mine = selfService.mine(slug);
        mine.me().ifPresent(userId -> calendarLinks.revoke(userId, mine.event().id));
    }
}
