package io.hallway.exchange;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.hallway.common.Problem;
import io.hallway.common.Roles;
import io.hallway.common.Users;
import io.hallway.people.SelfService;
import io.hallway.schedule.Event;
import io.hallway.schedule.ScheduleSnapshots;

@Path("/api/events/{slug}/me/offline-exchange")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ATTENDEE)
@Tag(name = "Exchange")
public class OfflineExchangeResource {

    /** The secret makes codes: no cache anywhere may keep a response that carries it. */
    private static final String NO_STORE = "no-store";

    static final String DERIVATION = " A code is hwo1.<holder>.<step>.<mac>: step is the Unix time in seconds divided by 30, "
            + "rounded down (as in TOTP, RFC 6238); mac is the first 16 characters of the unpadded base64url of "
            + "HMAC-SHA256 keyed with the secret (base64url-decoded, 32 bytes) over step as an 8-byte big-endian integer. "
            + "Show a new code every 30 s, as text in a QR code; the scanner keeps the code and the time it read it, and "
            + "redeems them with redeemOfflineExchangeCode once online.";

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    OfflineSecrets secrets;

    @Inject
    TokenCodec codec;

    @Inject
    TokenIssuer issuer;

    @Inject
    SelfService selfService;

    @Inject
    Users users;

    @Inject
    ExchangeConfig config;

    @POST
    @Transactional(dontRollbackOn = Problem.class)
    @Operation(operationId = "createOfflineExchangeSecret", summary = "Get my offline exchange secret, making it on the first call", description = "201 with a new secret, 200 with the one I have. Fetch it while online: from it the app shows rotating codes with no network, and showing one is consent to give whoever scans it my 'connections' fields, as with an online code. Needs a saved profile (409); a 403 when the organizers switched the exchange off; counts as issuing a code (10 a minute)." + DERIVATION)
    public RestResponse<OfflineSecretView> create(@PathParam("slug") String slug) {
        Event event = snapshots.publishedEvent(slug);
        long me = issuer.admit(event, ExchangeSettings.of(event.id, config),
                "Save your profile for this event first: showing your codes shares it with whoever scans one.");
        boolean existed = secrets.mine(event.id, me).isPresent();
        var body = view(secrets.mineOrNew(event.id, me), event);
        var response = existed ? RestResponse.ResponseBuilder.ok(body)
                : RestResponse.ResponseBuilder.<OfflineSecretView> created(URI.create(path(slug))).entity(body);
        return response.header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    @GET
    @Operation(operationId = "getOfflineExchangeSecret", summary = "My offline exchange secret, again", description = "The same secret as when it was made, so an app reinstalled or on a new phone shows working codes without rotating; only I can read it, with my sign-in. A 404 when I have none.")
    public RestResponse<OfflineSecretView> mine(@PathParam("slug") String slug) {
        Event event = snapshots.publishedEvent(slug);
        var stored = users.existingId().stream().boxed().findFirst().flatMap(me -> secrets.mine(event.id, me))
                .orElseThrow(() -> Problem.notFound("You have no offline exchange secret in this event; make one with POST."));
        return RestResponse.ResponseBuilder.ok(view(stored, event)).header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    @POST
    @Path("rotate")
    @Transactional(dontRollbackOn = Problem.class)
    @Operation(operationId = "rotateOfflineExchangeSecret", summary = "Replace my offline exchange secret: codes of the old one stop working", description = "For a secret, or a code within the grace period, that someone else may have (a lost phone, a photo of my screen). The answer carries the new secret and a new holder; codes of the old one are refused even if scanned before. Works while the exchange is switched off; a 404 when I have no secret; counts as issuing a code (10 a minute).")
    public RestResponse<OfflineSecretView> rotate(@PathParam("slug") String slug) {
        var acting = selfService.acting(slug);
        Event event = acting.event();
        issuer.countIssue(event, acting.me());
        var stored = secrets.rotate(event.id, acting.me())
                .orElseThrow(() -> Problem.notFound("You have no offline exchange secret in this event; make one with POST."));
        return RestResponse.ResponseBuilder.ok(view(stored, event)).header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    private OfflineSecretView view(OfflineSecrets.Stored stored, Event event) {
        return OfflineSecretView.of(stored, codec.offlineSecret(stored.nonce()), event.zone());
    }

    private static String path(String slug) {
        return "/api/events/" + slug + "/me/offline-exchange";
    }
}
