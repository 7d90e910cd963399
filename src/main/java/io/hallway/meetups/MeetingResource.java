package io.hallway.meetups;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.hallway.common.Problem;
import io.hallway.common.Roles;
import io.hallway.people.SelfService;
import io.hallway.schedule.Event;

/**
 * Meet-ups between two attendees of an event: a request with slots in both agendas' free time and a place both can
 * reach, and the answers. Who asks comes from the token; another person's meeting is not found.
 */
@Path("/api/events/{slug}/meetings")
@RolesAllowed(Roles.ATTENDEE)
@Tag(name = "Hallway track")
public class MeetingResource {

    @Inject
    MeetingRequests requests;

    @Inject
    Meetings meetings;

    @Inject
    MeetingViews views;

    @Inject
    SelfService selfService;

    @POST
    @Transactional(dontRollbackOn = Problem.class)
    @Operation(operationId = "requestMeeting", summary = "Ask someone to meet, with up to three slots in both agendas' free time", description = "profileId names the person as the directory does; minutes is 15 or 30. Asking needs my profile in the event (409 profile-needed): the person asked sees who asks, and may block or report them. The slots avoid both people's bookmarked sessions at their expected times (a room running late moves them) and their accepted meet-ups, leave each one the walk from their previous session and on to their next, and lie between the day's first and last session. Each comes with the meeting point, coffee or lounge that makes the longer of the two walks shortest, with both walking times; without a venue map or meeting places, slots come without a place. A person whose setting does not let me ask, or who does not exist, is the same 409 not-available. At most hallway.meetups.pending-per-person requests wait for an answer at once (409), and hallway.meetups.requests-per-minute a minute (429 with Retry-After). No free time in common is a 409.")
    public RestResponse<MeetingView> request(@PathParam("slug") String slug, @Valid @NotNull MeetingRequest.Ask ask) {
        var acting = selfService.acting(slug);
        long id = requests.request(acting.event(), acting.me(), ask);
        MeetingView view = view(acting, id);
        return RestResponse.ResponseBuilder.<MeetingView> created(URI.create("/api/events/" + slug + "/meetings/" + id))
                .entity(view).build();
    }

    @GET
    @Operation(operationId = "listMyMeetings", summary = "The meet-ups I asked for and was asked to, newest first", description = "Each with its status; a request of mine that was declined reads not-available, and nothing more.")
    public List<MeetingView> mine(@PathParam("slug") String slug) {
        var mine = selfService.mine(slug);
        if (mine.me().isEmpty()) {
            return List.of();
        }
        Event event = mine.event();
        long me = mine.me().getAsLong();
        return meetings.of(event.id, me).stream().map(row -> views.of(row, me, event.zone())).toList();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getMyMeeting", summary = "One of my meet-ups", description = "Someone else's meeting is not found.")
    public MeetingView one(@PathParam("slug") String slug, @PathParam("id") long id) {
        var mine = selfService.mine(slug);
        Event event = mine.event();
        long me = mine.me().orElse(-1);
        return meetings.find(event.id, id).filter(row -> row.involves(me)).map(row -> views.of(row, me, event.zone()))
                .orElseThrow(() -> Problem.notFound("No meeting " + id + " of yours in this event."));
    }

    @POST
    @Path("{id}/accept")
    @Transactional
    @Operation(operationId = "acceptMeeting", summary = "Accept one of the proposed slots", description = "Only the person whose answer is awaited. The slot is checked against both agendas again: one a delay, a new bookmark or another accepted meet-up has taken since is a 409. A block made since the request, either way, is the same 409 not-available as any other. Accepted, the meet-up is in both agendas and the other person is told.")
    public MeetingView accept(@PathParam("slug") String slug, @PathParam("id") long id,
            @Valid @NotNull MeetingRequest.Accept accept) {
        var acting = selfService.acting(slug);
        requests.accept(acting.event(), acting.me(), id, accept.slotIndex());
        return view(acting, id);
    }

    @POST
    @Path("{id}/decline")
    @Transactional
    @Operation(operationId = "declineMeeting", summary = "Decline a meet-up request", description = "Either side, whoever answers next. The other person learns only that I am not available: they read the meet-up as not-available, and only I read it as declined.")
    public MeetingView decline(@PathParam("slug") String slug, @PathParam("id") long id) {
        var acting = selfService.acting(slug);
        requests.decline(acting.event(), acting.me(), id);
        return view(acting, id);
    }

    @POST
    @Path("{id}/propose")
    @Transactional
    @Operation(operationId = "proposeMeetingTime", summary = "Propose another time, and optionally a place", description = "Checked against both agendas as the slots of a request are (a block made since the request is a 409 not-available): a time when either is busy, or cannot walk to the place in time, is a 409. Without placeId the best place for both is taken. The proposal replaces the earlier slots, and the other person answers next.")
    public MeetingView propose(@PathParam("slug") String slug, @PathParam("id") long id,
            @Valid @NotNull MeetingRequest.Propose propose) {
        var acting = selfService.acting(slug);
        requests.propose(acting.event(), acting.me(), id, propose.startsAt().toInstant(), propose.placeId());
        return view(acting, id);
    }

    @POST
    @Path("{id}/cancel")
    @Transactional
    @Operation(operationId = "cancelMeeting", summary = "Cancel a pending or accepted meet-up, from either side", description = "The other person is told; the meet-up leaves both agendas.")
    public MeetingView cancel(@PathParam("slug") String slug, @PathParam("id") long id) {
        var acting = selfService.actingOnMine(slug);
        requests.cancel(acting.event(), acting.me(), id);
        return view(acting, id);
    }

    private MeetingView view(SelfService.Acting acting, long id) {
        Event event = acting.event();
        return views.of(meetings.find(event.id, id).orElseThrow(), acting.me(), event.zone());
    }
}
