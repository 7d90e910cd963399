package io.hallway.exchange;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Problem;
import io.hallway.common.QrCodes;
import io.hallway.common.Roles;
import io.hallway.schedule.Event;
import io.hallway.schedule.ScheduleSnapshots;

@Path("/api/events/{slug}/me/exchange-tokens")
@RolesAllowed(Roles.ATTENDEE)
@Tag(name = "Exchange")
public class TokenResource {

    /** Codes are secrets: no cache anywhere may keep a response that carries or draws one. */
    private static final String NO_STORE = "no-store";

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    TokenIssuer issuer;

    @Inject
    ExchangeConfig config;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueExchangeToken", summary = "Issue a code to show as a QR code; my earlier codes stop working", description = "Showing the code is consent to give whoever scans it my 'connections' fields. At most 10 a minute (429 with Retry-After beyond). Needs a saved profile (409); a 403 when the organizers switched the exchange off.")
    public Response issue(@PathParam("slug") String slug) {
        Event event = snapshots.publishedEvent(slug);
        TokenIssuer.Issued issued = issuer.issue(event);
        String base = "/api/events/" + slug + "/me/exchange-tokens/current/";
        var body = new IssuedToken(issued.token(), issued.expiresAt(), link(issued.token()), base + "qr.png",
                base + "qr.svg");
        return Response.created(URI.create(base + "qr.png")).entity(body)
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    @GET
    @Path("current/qr.png")
    @Produces("image/png")
    @Operation(operationId = "getExchangeQrCodePng", summary = "The QR code of my current code's link, as PNG", description = "The link of my current code, for another phone to scan; no cache may keep it. A 404 when I have no valid code (it expired, was used or was replaced): issue a new one.")
    public Response png(@PathParam("slug") String slug,
            @QueryParam("size") @DefaultValue("512") @Min(value = 128, message = "must be at least 128")
            @Max(value = 2048, message = "must be at most 2048") int size) {
        return image(QrCodes.png(currentLink(slug), size), "image/png");
    }

    @GET
    @Path("current/qr.svg")
    @Produces("image/svg+xml")
    @Operation(operationId = "getExchangeQrCodeSvg", summary = "The QR code of my current code's link, as SVG", description = "The same as getExchangeQrCodePng, drawn as SVG.")
    public Response svg(@PathParam("slug") String slug) {
        return image(QrCodes.svg(currentLink(slug)), "image/svg+xml");
    }

    private String currentLink(String slug) {
        Event event = snapshots.publishedEvent(slug);
        if (!ExchangeSettings.of(event.id, config).exchangeEnabled) {
            throw Exchanges.switchedOff();
        }
        return issuer.current(event).map(this::link).orElseThrow(() -> Problem.notFound(
                "You have no valid code in this event (it expired, was used or was replaced); issue a new one."));
    }

    private String link(String token) {
        return "https://" + config.appDomain() + "/x#" + token;
    }

    private static Response image(Object entity, String type) {
        return Response.ok(entity, type).header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }
}
