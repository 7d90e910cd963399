package io.hallway.notify;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.hallway.common.Problem;
import io.hallway.common.ProblemDocument;
import io.hallway.common.ProblemType;

/** The key web apps subscribe to push with; public, like the key itself. */
@Path("/api/push/vapid-public-key")
@PermitAll
@Tag(name = "Notifications")
public class VapidKeyResource {

    /** base64url, no padding, of the 65-byte uncompressed P-256 point. */
    public record VapidPublicKey(String publicKey) {
    }

    /** The key changes only with a new deployment's configuration, and every subscription is bound to it. */
    private static final String CACHE_CONTROL = "public, max-age=3600";

    @Inject
    VapidKeys keys;

    @GET
    @Operation(operationId = "getVapidPublicKey", summary = "The server's VAPID public key, for Web Push subscriptions", description = "Pass publicKey, decoded from base64url, as applicationServerKey to PushManager.subscribe(); the push service then accepts only messages this server signs (RFC 8292). The key is the same on every replica and changes only when the operator replaces it, which ends every subscription made with the old key. 404 push-not-configured when this deployment sends no Web Push.")
    @APIResponse(responseCode = "200", description = "The public key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VapidPublicKey.class)))
    @APIResponse(responseCode = "404", description = "This deployment sends no Web Push (push-not-configured)",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    public RestResponse<VapidPublicKey> publicKey() {
        if (!keys.enabled()) {
            throw Problem.of(ProblemType.PUSH_NOT_CONFIGURED, "This deployment sends no Web Push notifications.");
        }
        return RestResponse.ResponseBuilder.ok(new VapidPublicKey(keys.publicKeyBase64Url()), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }
}
