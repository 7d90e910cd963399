package io.hallway.schedule;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;

/** The draft schedule of an event in release mode manual, and releasing it. */
@Path("/api/admin/events/{slug}")
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Admin: releases")
public class ReleaseAdminResource {

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    ScheduleReleases releases;

    @GET
    @Path("schedule/draft")
    @RequiresEventRole(EventRole.HOST)
    @Operation(operationId = "adminGetDraftSchedule", summary = "The draft schedule: what the next release would make public", description = "The same document as the public getSchedule, built from what the organizers have entered, for the whole team. In release mode manual the public sees the last release instead; in immediate mode the two are the same. Never cached.")
    public ScheduleSnapshot draft(@PathParam("slug") String slug) {
        return snapshots.draft(Event.bySlugOr404(slug).id).snapshot();
    }

    /** Editors, as for every other schedule change: releasing is how their changes reach the public. */
    @POST
    @Path("releases")
    @RequiresEventRole(EventRole.EDITOR)
    @Operation(operationId = "adminReleaseSchedule", summary = "Release the draft as the next public version of the schedule", description = "One new version for everything changed since the last release: the schedule's ETag changes once, the change feeds get one delta, and each attendee one change-feed entry per bookmarked session that changed. 201 with the release and its counts, and its Location. A name the event used already is a 409 (release-name-taken); a draft that is the last release is a 409 (nothing-to-release); an event in release mode immediate a 409 (not-in-manual-mode). Nothing changes on a refusal.")
    public RestResponse<ReleaseView> release(@PathParam("slug") String slug, @Valid @NotNull ReleaseRequest request) {
        ScheduleRelease release = releases.release(slug, request.name(), request.comment());
        return RestResponse.ResponseBuilder
                .<ReleaseView> created(URI.create("/api/events/" + release.event.slug + "/releases/" + release.name))
                .entity(ReleaseView.from(release, release.event.zone())).build();
    }
}
