package io.hallway.venue;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Problem;
import io.hallway.common.Versions;
import io.hallway.schedule.Event;
import io.hallway.schedule.Room;
import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;

@Path("/api/admin/events/{slug}/venue")
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@RequiresEventRole(EventRole.EDITOR)
@Tag(name = "Admin: venue")
public class VenueAdminResource {

    @Inject
    VenueStore store;

    @Inject
    VenueGraphs graphs;

    @Inject
    VenueConfig config;

    @GET
    @Operation(operationId = "adminGetVenue", summary = "The venue document as stored, with its version", description = "A 404 until the first upload. The ETag is the venue's version, for the next upload.")
    public Response venue(@PathParam("slug") String slug) {
        Event event = Event.bySlugOr404(slug);
        VenueStore.Stored stored = store.load(event.id).orElseThrow(() -> Problem.notFound("This event has no venue yet."));
        return Versions.tagged(stored.document().withVersion(stored.version()), stored.version());
    }

    @PUT
    @Operation(operationId = "adminUploadVenue", summary = "Upload the whole venue", description = "Validated as a whole: every problem is listed with a JSON pointer to the element. The first upload creates the venue (201); later ones replace it and must send the version they are based on (If-Match or \"version\"); a stale one is a 409. Rooms link to schedule rooms by name.")
    public Response upload(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull VenueDocument venue) {
        Event event = Event.bySlugOr404(slug);
        boolean exists = store.load(event.id).isPresent();
        Long expected = exists ? Long.valueOf(Versions.expected(ifMatch, venue.version())) : null;
        Set<String> scheduleRooms = Room.ofEvent(event).stream().map(room -> room.name).collect(Collectors.toSet());
        VenueValidator.check(venue, scheduleRooms, config.maxNodes());
        long version = store.save(event.id, expected, venue);
        VenueDocument stored = venue.withVersion(version);
        graphs.install(new VenueGraphs.Loaded(event.id, event.slug, event.published,
                new VenueGraph(version, stored, config.speed())));
        var response = exists ? Response.ok(stored)
                : Response.created(URI.create("/api/admin/events/" + slug + "/venue")).entity(stored);
        return response.header(HttpHeaders.ETAG, Versions.etag(version)).build();
    }

    @PATCH
    @Path("edges/{edgeId}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @Operation(operationId = "adminUpdateVenueEdge", summary = "Close or reopen one edge during the event, without re-uploading the venue", description = "Routes stop using a closed edge at once on this server and within the refresh interval on the others. Bumps the venue version. The version is optional here: when sent (If-Match or \"version\"), a stale one is a 409.")
    public Response closeOrReopen(@PathParam("slug") String slug, @PathParam("edgeId") String edgeId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull EdgeClosure closure) {
        Event event = Event.bySlugOr404(slug);
        if (Boolean.TRUE.equals(closure.closed()) && closure.closedUntil() != null
                && !closure.closedUntil().isAfter(Instant.now())) {
            throw Problem.invalid("closedUntil", "must be in the future");
        }
        if (Boolean.FALSE.equals(closure.closed()) && closure.closedUntil() != null) {
            throw Problem.invalid("closedUntil", "only a closed edge can have one");
        }
        Long expected = ifMatch != null || closure.version() != null ? Versions.expected(ifMatch, closure.version()) : null;
        VenueStore.Stored stored = store.change(event.id, expected, closureDetails(edgeId, closure), venue -> {
            var edges = new ArrayList<>(venue.edges() == null ? List.<VenueDocument.Edge> of() : venue.edges());
            int index = indexOf(edges, edgeId);
            edges.set(index, edges.get(index).withClosure(closure.closed(), closure.closedUntil()));
            return new VenueDocument(null, venue.speeds(), venue.levels(), venue.nodes(), venue.rooms(), venue.pois(), edges);
        });
        graphs.install(graphs.build(stored));
        return Versions.tagged(stored.document().edges().get(indexOf(stored.document().edges(), edgeId)),
                stored.version());
    }

    /** What the audit log says of an edge closed or reopened. */
    private static Map<String, Object> closureDetails(String edgeId, EdgeClosure closure) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("edgeId", edgeId);
        details.put("closed", closure.closed());
        if (closure.closedUntil() != null) {
            details.put("closedUntil", closure.closedUntil());
        }
        return details;
    }

    private static int indexOf(List<VenueDocument.Edge> edges, String edgeId) {
        for (int i = 0; i < edges.size(); i++) {
            if (edges.get(i).id().equals(edgeId)) {
                return i;
            }
        }
        throw Problem.notFound("No edge '" + edgeId + "' in this venue.");
    }
}
