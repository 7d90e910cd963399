package io.hallway.live;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** The live document apps poll during the event. */
@Path("/api/events/{slug}/live")
@PermitAll
@Tag(name = "Live")
public class LiveResource {

    @Inject
    LiveDocuments documents;

    /** Polled by every app on the venue Wi-Fi: answered from memory on the I/O thread when this replica can. */
    @GET
    @Operation(operationId = "getLive", summary = "Room status, delays, expected times and fill levels, right now", description = "Per room: its live status, how late it runs, and its sessions from the one in progress to the last one today with planned and expected times, delay and fill level. Delays do not change the schedule or its ETag; this document has its own strong ETag: send it back in If-None-Match and an unchanged document is a 304. Each replica rebuilds it at most once per hallway.live.refresh-interval (5 s), so poll it every 30 s next to the schedule.")
    @APIResponse(responseCode = "200", description = "The live document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LiveDocument.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public Uni<Response> live(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return documents.respondFromMemory(slug, ifNoneMatch, acceptEncoding)
                .map(response -> Uni.createFrom().item(response))
                .orElseGet(() -> Uni.createFrom().item(() -> documents.respond(slug, ifNoneMatch, acceptEncoding))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }
}
