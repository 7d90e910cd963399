package io.hallway.schedule;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Page;
import io.hallway.common.PageRequest;

/** The public changelog of an event that releases its schedule in versions. */
@Path("/api/events/{slug}/releases")
@PermitAll
@Tag(name = "Schedule")
public class ReleaseResource {

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    ScheduleReleases releases;

    @GET
    @Transactional
    @Operation(operationId = "listReleases", summary = "The released versions of the schedule, newest first", description = "Each with its public comment and how many sessions it added, moved, cancelled and removed against the one before. Empty for an event that was never in release mode manual, whose every change is public at once.")
    public Page<ReleaseView> releases(@PathParam("slug") String slug, @Valid @BeanParam PageRequest page) {
        Event event = snapshots.publishedEvent(slug);
        return Page.of(ScheduleRelease.find("event.id = ?1 order by scheduleVersion desc", event.id), page,
                (ScheduleRelease release) -> ReleaseView.from(release, event.zone()));
    }

    @GET
    @Path("{name}")
    @Transactional
    @Operation(operationId = "getRelease", summary = "One released version of the schedule", description = "An unknown name is a 404.")
    public ReleaseView release(@PathParam("slug") String slug, @PathParam("name") String name) {
        Event event = snapshots.publishedEvent(slug);
        return ReleaseView.from(ScheduleRelease.namedOr404(event.id, name), event.zone());
    }

    @GET
    @Path("{name}/changes")
    @Transactional
    @Operation(operationId = "getReleaseChanges", summary = "What a release changed against the one before it", description = "Per session: what it was (null when added), what it is (null when removed) and the kinds of change: added, removed, time, room, cancelled, reinstated, speakers, title, details. The first release is compared with an empty schedule. An unknown name is a 404.")
    public ReleaseChangesView changes(@PathParam("slug") String slug, @PathParam("name") String name) {
        return releases.changes(snapshots.publishedEvent(slug), name);
    }
}
