package io.hallway.exchange;

import java.net.URI;
import java.util.List;
import java.util.function.LongConsumer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.hallway.common.Page;
import io.hallway.common.PageRequest;
import io.hallway.common.Problem;
import io.hallway.common.Roles;
import io.hallway.common.Users;
import io.hallway.people.SelfService;
import io.hallway.schedule.Event;
import io.hallway.schedule.ScheduleSnapshots;

@Path("/api/events/{slug}/connections")
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ATTENDEE)
@Tag(name = "Exchange")
public class ConnectionResource {

    @Inject
    Redeemer redeemer;

    @Inject
    OfflineRedeemer offlineRedeemer;

    @Inject
    Connections connections;

    @Inject
    Users users;

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    SelfService selfService;

    @POST
    @Operation(operationId = "redeemExchangeToken", summary = "Redeem a scanned code: a connection for both of us", description = "201 with the new connection (200 if we were already connected). Unknown or other-event code 404, expired or used 410, my own code 400; 30 scans a minute, then 429 with Retry-After. A retry with the same Idempotency-Key returns the first outcome.")
    public RestResponse<ConnectionView> redeem(@PathParam("slug") String slug,
            @Parameter(description = "Any unique string per scan, such as a UUID, to retry safely")
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String idempotencyKey,
            @Valid @NotNull ConnectionRequests.Scan scan) {
        long eventId = snapshots.published(slug).id();
        return answer(slug, eventId, redeemer.redeem(eventId, scan.token(), idempotencyKey));
    }

    @POST
    @Path("offline")
    @Operation(operationId = "redeemOfflineExchangeCode", summary = "Redeem a code read without the network, with the time it was read", description = "For codes an app shows from its offline exchange secret (see createOfflineExchangeSecret). Accepted when scannedAt is at most 12 h ago (the grace period) and not ahead of the server's clock (2 min of skew allowed), the code's step is scannedAt's step or one either side, and its MAC verifies with the shower's current secret; each code once. Then as redeemExchangeToken: 201 with the new connection (200 if we were already connected), via offline with scannedAt; own code 400; unknown, forged, rotated or other-event code 404; used 410 (offline-code-used); scanned too long ago 410 (scan-too-old); scannedAt ahead of now or the code not showing at scannedAt 422; 30 scans a minute (online and offline together), then 429; switched off 403. A retry with the same Idempotency-Key returns the first outcome.")
    public RestResponse<ConnectionView> redeemOffline(@PathParam("slug") String slug,
            @Parameter(description = "Any unique string per scan, such as a UUID, to retry safely")
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String idempotencyKey,
            @Valid @NotNull ConnectionRequests.OfflineScan scan) {
        long eventId = snapshots.published(slug).id();
        return answer(slug, eventId,
                offlineRedeemer.redeem(eventId, scan.code(), scan.scannedAt().toInstant(), idempotencyKey));
    }

    private RestResponse<ConnectionView> answer(String slug, long eventId, Redeemer.Redeemed redeemed) {
        ConnectionView view = connections.view(eventId, redeemed.scannerSide()).view();
        if (!redeemed.created() && !redeemed.replayed()) {
            return RestResponse.ok(view);
        }
        return RestResponse.ResponseBuilder.<ConnectionView> created(
                URI.create("/api/events/" + slug + "/connections/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(operationId = "listConnections", summary = "My connections, newest first, with what each shared, where we met, my note and star", description = "Only the caller's own connections in this event, as the caller sees them; via says whether a code was scanned online (qr) or redeemed later from an offline code (offline, with scannedAt), so the one who showed an offline code sees every connection made with it.")
    public Page<ConnectionView> list(@PathParam("slug") String slug, @Valid @BeanParam PageRequest page) {
        long eventId = eventId(slug);
        var me = users.existingId();
        var all = me.isEmpty() ? List.<ConnectionView> of()
                : connections.list(eventId, me.getAsLong()).stream().map(Connections.Row::view).toList();
        return Page.of(all, page);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getConnection", summary = "One of my connections", description = "Someone else's connection, or one I removed, is a 404.")
    public ConnectionView connection(@PathParam("slug") String slug, @PathParam("id") long id) {
        long eventId = eventId(slug);
        return connections.one(eventId, me(id), id).view();
    }

    @PUT
    @Path("{id}/share-back")
    @Transactional
    @Operation(operationId = "setConnectionShareBack", summary = "Give (or stop giving) this connection my 'connections' fields", description = "share: true gives them my fields whose visibility is connections; false takes them back. They see the change at once. Stopping works on an unpublished event too; giving needs a published one.")
    public ConnectionView shareBack(@PathParam("slug") String slug, @PathParam("id") long id,
            @Valid @NotNull ConnectionRequests.ShareBack request) {
        long eventId = request.share() ? snapshots.published(slug).id() : eventId(slug);
        return changed(eventId, id, me -> connections.shareBack(eventId, me, id, request.share()));
    }

    @PUT
    @Path("{id}/note")
    @Transactional
    @Operation(operationId = "setConnectionNote", summary = "My private note on this connection; nobody else ever sees it", description = "A blank note removes it.")
    public ConnectionView note(@PathParam("slug") String slug, @PathParam("id") long id,
            @Valid @NotNull ConnectionRequests.Note request) {
        long eventId = eventId(slug);
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        return changed(eventId, id, me -> connections.note(eventId, me, id, note));
    }

    @PUT
    @Path("{id}/star")
    @Transactional
    @Operation(operationId = "setConnectionStar", summary = "Star or unstar one of my connections", description = "Stars are mine alone: the other person never sees them.")
    public ConnectionView star(@PathParam("slug") String slug, @PathParam("id") long id,
            @Valid @NotNull ConnectionRequests.Star request) {
        long eventId = eventId(slug);
        return changed(eventId, id, me -> connections.star(eventId, me, id, request.starred()));
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(operationId = "deleteConnection", summary = "Remove this connection for me: they stop seeing my 'connections' fields, and I theirs", description = "My note and star go with it. Someone else's connection is a 404.")
    public void remove(@PathParam("slug") String slug, @PathParam("id") long id) {
        long eventId = eventId(slug);
        connections.remove(eventId, me(id), id);
    }

    /** Makes a change of mine to one of my connections, and answers the connection as it now stands. */
    private ConnectionView changed(long eventId, long id, LongConsumer change) {
        long me = me(id);
        change.accept(me);
        return connections.one(eventId, me, id).view();
    }

    /**
     * The event of my own connections, published or unpublished ({@link SelfService}): reading, annotating and
     * removing them goes on after an organizer unpublishes the event (new scans and sharing more do not). A
     * published event's id comes from memory while its version was checked within the interval, as for a scan.
     */
    private long eventId(String slug) {
        return snapshots.recentVersion(slug).map(ScheduleSnapshots.VersionRef::id).orElseGet(() -> {
            Event event = selfService.eventOr404(slug);
            return event.published ? snapshots.published(slug).id() : event.id;
        });
    }

    /** Someone with no user row yet has no connections: a 404 without creating one. */
    private long me(long connectionId) {
        return users.existingId().orElseThrow(
                () -> Problem.notFound("You have no connection " + connectionId + " in this event."));
    }
}
