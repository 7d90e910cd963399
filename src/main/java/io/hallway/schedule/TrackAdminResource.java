package io.hallway.schedule;


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

import io.hallway.audit.AuditResource;
import io.hallway.common.Page;
import io.hallway.common.PageRequest;
import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Versions;
import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;

@Path("/api/admin/events/{slug}/tracks")
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@RequiresEventRole(EventRole.EDITOR)
@Tag(name = "Admin: tracks")
public class TrackAdminResource {

    @Inject
    ScheduleChanges changes;

    @Inject
    ScheduleEntityEdits edits;

    @GET
    @Operation(operationId = "adminListTracks", summary = "The event's tracks", description = "By name, for draft events too.")
    public Page<TrackView> tracks(@PathParam("slug") String slug, @Valid @BeanParam PageRequest page) {
        return Page.of(Track.find("event = ?1 order by name", Event.bySlugOr404(slug)), page, TrackView::from);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "adminGetTrack", summary = "One track", description = "The ETag is the track's version: send it back as If-Match (or as version in the body) to update it.")
    public Response track(@PathParam("slug") String slug, @PathParam("id") long id) {
        Track track = Track.inEvent(Event.bySlugOr404(slug), id);
        return Versions.tagged(TrackView.from(track), track.version);
    }

    @POST
    @Transactional
    @Operation(operationId = "adminCreateTrack", summary = "Add a track", description = "201 with its Location. Track names are unique within an event: a taken one is a 409.")
    public Response create(@PathParam("slug") String slug, @Valid @NotNull TrackRequest request) {
        ScheduleChanges.Change change = changes.begin(slug);
        Track track = edits.create(change, new Track(), AuditResource.TRACK, created -> apply(change, created, request));
        return ScheduleEntityEdits.created(slug, "tracks", track, TrackView.from(track));
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(operationId = "adminUpdateTrack", summary = "Change a track", description = "Send the version you read, as If-Match (the ETag of the GET) or as version in the body: none is a 428, a stale one a 409 with currentVersion, and nothing changes. A name another track of the event has is a 409.")
    public Response update(@PathParam("slug") String slug, @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull TrackRequest request) {
        long expected = Versions.expected(ifMatch, request.version());
        ScheduleChanges.Change change = changes.begin(slug);
        Track track = edits.update(change, Track.inEvent(change.event(), id), expected, "The track", AuditResource.TRACK,
                edited -> apply(change, edited, request));
        return Versions.tagged(TrackView.from(track), track.version);
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(operationId = "adminDeleteTrack", summary = "Delete a track no session is in", description = "While sessions are in the track, the answer is a 409 and nothing changes.")
    public void delete(@PathParam("slug") String slug, @PathParam("id") long id) {
        ScheduleChanges.Change change = changes.begin(slug);
        Track track = Track.inEvent(change.event(), id);
        long inUse = Session.count("track", track);
        if (inUse > 0) {
            throw Problem.of(ProblemType.TRACK_IN_USE,
                    inUse + " sessions are still in " + track.name + "; move them first.");
        }
        edits.delete(change, track, ScheduleChanges.Kind.TRACK, AuditResource.TRACK);
    }

    private static void apply(ScheduleChanges.Change change, Track track, TrackRequest request) {
        if (Track.count("event = ?1 and name = ?2 and id <> ?3", change.event(), request.name(),
                track.id == null ? ScheduleRules.NONE : track.id) > 0) {
            throw Problem.of(ProblemType.TRACK_NAME_TAKEN,
                    "This event already has a track named '" + request.name() + "'.");
        }
        track.name = request.name();
        track.color = request.color();
        track.revision = change.revision();
    }
}
