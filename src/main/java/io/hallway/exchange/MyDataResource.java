package io.hallway.exchange;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.hallway.common.Bookmarks;
import io.hallway.common.Roles;
import io.hallway.common.Users;
import io.hallway.people.Profile;
import io.hallway.people.ProfileView;
import io.hallway.schedule.Event;

/** What the server keeps about me in an event: to take away (export) and to erase. */
@Path("/api/events/{slug}/me")
@RolesAllowed(Roles.ATTENDEE)
@SecurityRequirement(name = "bearer")
@Tag(name = "My data")
public class MyDataResource {

    /** My side of a connection: nothing of the other person's profile, which is theirs. */
    public record MyConnection(long id, Instant connectedAt, @JsonInclude(JsonInclude.Include.NON_NULL) ConnectionView.Place where,
            boolean sharingBack, @JsonInclude(JsonInclude.Include.NON_NULL) String note, boolean starred) {
    }

    public record MyToken(Instant issuedAt, Instant expiresAt, Instant redeemedAt, Instant revokedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Export(String event, Instant exportedAt, ProfileView profile, List<MyConnection> connections,
            List<MyToken> exchangeTokens, List<Long> bookmarkedSessionIds) {
    }

    @Inject
    Users users;

    @Inject
    Connections connections;

    @Inject
    EntityManager entityManager;

    @Inject
    Instance<Bookmarks> bookmarks;

    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "exportMyData", summary = "Everything stored about me in this event, as one JSON document",
            description = "My profile, my side of each connection (note, star, whether I share back), my codes' "
                    + "timestamps (never the codes) and my bookmarks. Nothing another person stored.")
    @SuppressWarnings("unchecked")
    public Response export(@PathParam("slug") String slug) {
        Event event = Event.publishedOr404(slug);
        var me = users.existingId();
        ProfileView profile = null;
        List<MyConnection> mine = List.of();
        List<MyToken> tokens = List.of();
        List<Long> bookmarked = null;
        if (me.isPresent()) {
            long id = me.getAsLong();
            profile = Profile.of(event.id, id).map(ProfileView::from).orElse(null);
            mine = connections.list(event.id, id).stream().map(Connections.Row::view)
                    .map(c -> new MyConnection(c.id(), c.connectedAt(), c.where(), c.sharingBack(), c.note(), c.starred()))
                    .toList();
            tokens = ((List<Object[]>) entityManager.createNativeQuery("""
                    select issued_at, expires_at, redeemed_at, revoked_at from exchange_token
                    where event_id = ?1 and owner_id = ?2 order by issued_at""")
                    .setParameter(1, event.id).setParameter(2, id).getResultList()).stream()
                    .map(r -> new MyToken(instant(r[0]), instant(r[1]), instant(r[2]), instant(r[3]))).toList();
            if (bookmarks.isResolvable()) {
                bookmarked = bookmarks.get().sessionIds(event.id, id);
            }
        }
        var document = new Export(event.slug, Instant.now(), profile, mine, tokens, bookmarked);
        return Response.ok(document).header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Content-Disposition", "attachment; filename=\"" + event.slug + "-my-data.json\"").build();
    }

    @DELETE
    @Transactional
    @Operation(operationId = "eraseMyData", summary = "Erase my profile, codes, connections and notes in this event",
            description = "Each connection goes for both sides: the other person keeps only what they saved on their "
                    + "own device. Other events and my bookmarks are untouched.")
    public void erase(@PathParam("slug") String slug) {
        Event event = Event.publishedOr404(slug);
        var me = users.existingId();
        if (me.isEmpty()) {
            return;
        }
        long id = me.getAsLong();
        for (String delete : List.of(
                // members and idempotency keys of these connections go with them (on delete cascade)
                "delete from connection where event_id = ?1 and (user_low = ?2 or user_high = ?2)",
                "delete from exchange_token where event_id = ?1 and owner_id = ?2",
                "delete from exchange_idempotency where event_id = ?1 and user_id = ?2",
                "delete from exchange_rate_limit where event_id = ?1 and user_id = ?2",
                "delete from profile where event_id = ?1 and user_id = ?2")) {
            entityManager.createNativeQuery(delete).setParameter(1, event.id).setParameter(2, id).executeUpdate();
        }
    }

    private static Instant instant(Object column) {
        return column == null ? null : Exchanges.instant(column);
    }
}
