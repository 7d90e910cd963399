package io.hallway.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Roles;
import io.hallway.people.SelfService;
import io.hallway.schedule.Event;

/**
 * My browsers' Web Push subscriptions for an event: what {@code PushManager.subscribe} gave the app, with the
 * key from {@code GET /api/push/vapid-public-key}. The server posts to the endpoint a subscription names, so only
 * the push services of {@code hallway.notify.push.allowed-hosts} are taken.
 */
@Path("/api/events/{slug}/push-subscriptions")
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ATTENDEE)
@Tag(name = "Notifications")
public class PushSubscriptionResource {

    /** The JSON of a browser's {@code PushSubscription} ({@code subscription.toJSON()}), as it is. */
    public record SubscriptionRequest(
            @Schema(example = "https://fcm.googleapis.com/fcm/send/dpH5lCsTSSM:APA91bHq") @NotBlank @Size(max = 2000) String endpoint,
            @Schema(description = "Ignored: a subscription the push service ends answers 410, and then goes") Long expirationTime,
            @Valid @NotNull Keys keys) {

        public record Keys(@Schema(description = "The browser's P-256 public key, base64url") @NotBlank @Size(max = 200) String p256dh,
                @Schema(description = "The 16-byte authentication secret, base64url") @NotBlank @Size(max = 100) String auth) {
        }
    }

    /** A subscription as its owner sees it; the keys stay with the server. */
    public record SubscriptionView(long id, String endpoint, Instant createdAt) {

        static SubscriptionView from(PushSubscription subscription) {
            return new SubscriptionView(subscription.id, subscription.endpoint, subscription.createdAt);
        }
    }

    private static final int PUBLIC_KEY_BYTES = 65;
    private static final int AUTH_SECRET_BYTES = 16;

    @Inject
    SelfService selfService;

    @Inject
    NotifyConfig config;

    @Inject
    VapidKeys vapid;

    @Inject
    Outbox outbox;

    @GET
    @Operation(operationId = "listMyPushSubscriptions", summary = "My browsers' push subscriptions for the event", description = "Oldest first. The keys are not shown again.")
    public List<SubscriptionView> mine(@PathParam("slug") String slug) {
        var mine = selfService.mine(slug);
        return mine.me().isEmpty() ? List.of()
                : PushSubscription.of(mine.event().id, mine.me().getAsLong()).stream().map(SubscriptionView::from).toList();
    }

    @POST
    @Transactional
    @Operation(operationId = "subscribeToPush", summary = "Register a browser's push subscription for the event", description = "Send subscription.toJSON() as it is. 201 for a new endpoint; registering an endpoint again (new keys, or another person signed in on that browser) replaces it and answers 200. The endpoint must be https on a known push service (400 otherwise); past hallway.notify.subscriptions-per-person the answer is a 409. A 404 when this server sends no Web Push (no VAPID keys configured).")
    public RestResponse<SubscriptionView> subscribe(@PathParam("slug") String slug,
            @Valid @NotNull SubscriptionRequest request) {
        if (!vapid.enabled()) {
            throw Problem.of(ProblemType.PUSH_NOT_CONFIGURED, "This server sends no Web Push: it has no VAPID keys.");
        }
        String endpoint = endpoint(request.endpoint());
        base64Url("keys.p256dh", request.keys().p256dh(), PUBLIC_KEY_BYTES);
        base64Url("keys.auth", request.keys().auth(), AUTH_SECRET_BYTES);
        var acting = selfService.acting(slug);
        Event event = acting.event();
        long me = acting.me();
        PushSubscription subscription = PushSubscription.<PushSubscription> find("eventId = ?1 and endpoint = ?2",
                event.id, endpoint).firstResult();
        boolean created = subscription == null;
        if (created || subscription.userId != me) {
            long mine = PushSubscription.count("eventId = ?1 and userId = ?2", event.id, me);
            if (mine >= config.subscriptionsPerPerson()) {
                throw Problem.of(ProblemType.PUSH_SUBSCRIPTION_LIMIT, "You have " + mine
                        + " push subscriptions for this event already; remove one you no longer use.");
            }
        }
        if (created) {
            subscription = new PushSubscription();
            subscription.eventId = event.id;
            subscription.endpoint = endpoint;
        } else if (subscription.userId != me) {
            outbox.forgetPendingTo(subscription.id);
        }
        subscription.userId = me;
        subscription.p256dh = request.keys().p256dh().strip();
        subscription.auth = request.keys().auth().strip();
        subscription.persist();
        PushSubscription.flush();
        return created
                ? RestResponse.ResponseBuilder.<SubscriptionView> created(URI.create("/api/events/" + slug + "/push-subscriptions/" + subscription.id))
                        .entity(SubscriptionView.from(subscription)).build()
                : RestResponse.ok(SubscriptionView.from(subscription));
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(operationId = "unsubscribeFromPush", summary = "Remove one of my push subscriptions", description = "204; nothing more is sent to it. Another person's subscription, or one already gone, is a 404.")
    public void unsubscribe(@PathParam("slug") String slug, @PathParam("id") long id) {
        var mine = selfService.mine(slug);
        PushSubscription subscription = mine.me().isEmpty() ? null
                : PushSubscription.mine(mine.event().id, mine.me().getAsLong(), id).orElse(null);
        if (subscription == null) {
            throw Problem.notFound("You have no push subscription " + id + " for this event.");
        }
        subscription.delete();
    }

    /** An https address on an allowed push service; a test's local service may be plain http where configured. */
    private String endpoint(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw Problem.invalid("endpoint", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean secure = scheme.equals("https") || scheme.equals("http") && config.push().allowPlainHttp();
        if (!secure || uri.getHost() == null || uri.getUserInfo() != null) {
            throw Problem.invalid("endpoint", "must be an https address of a push service");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean allowed = config.push().allowedHosts().stream().map(allowedHost -> allowedHost.strip().toLowerCase(Locale.ROOT))
                .anyMatch(allowedHost -> allowedHost.startsWith("*.") ? host.endsWith(allowedHost.substring(1))
                        : host.equals(allowedHost));
        if (!allowed) {
            throw Problem.invalid("endpoint", "is not on a push service this server sends to");
        }
        return uri.toString();
    }

    private static void base64Url(String field, String value, int bytes) {
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(value.strip().replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw Problem.invalid(field, "is not base64url");
        }
        if (decoded.length != bytes || bytes == PUBLIC_KEY_BYTES && decoded[0] != 0x04) {
            throw Problem.invalid(field, bytes == PUBLIC_KEY_BYTES ? "is not an uncompressed P-256 public key"
                    : "is not a " + bytes + "-byte secret");
        }
    }
}
