package io.hallway.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sends one notification to one browser's push subscription (RFC 8030): the payload encrypted for the browser
 * alone (RFC 8291, aes128gcm), the request signed with our VAPID key (RFC 8292). The library does the
 * encryption and the token; sending is ours, with the JDK client, because the outcome depends on the status
 * and on Retry-After, which the library's own sender does not give back.
 */
@ApplicationScoped
class WebPush {

    /**
     * A browser's PushSubscription as it hands it over: the endpoint URL and its keys, base64url. Checked on
     * construction, so a subscription that could never be encrypted for is refused when it is stored.
     */
    public record PushEndpoint(String endpoint, String p256dh, String auth) {

        public PushEndpoint {
            if (!absoluteHttpUrl(endpoint)) {
                throw new IllegalArgumentException("endpoint must be an absolute http or https URL");
            }
            byte[] point = decoded("p256dh", p256dh);
            if (point.length != 65 || point[0] != 0x04) {
                throw new IllegalArgumentException("p256dh must be a 65-byte uncompressed P-256 point, base64url");
            }
            if (decoded("auth", auth).length != AUTH_SECRET_BYTES) {
                throw new IllegalArgumentException("auth must be a " + AUTH_SECRET_BYTES + "-byte secret, base64url");
            }
        }

        private static boolean absoluteHttpUrl(String value) {
            try {
                URI uri = new URI(value == null ? "" : value);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
            } catch (URISyntaxException e) {
                return false;
            }
        }

        private static byte[] decoded(String field, String value) {
            try {
                return Base64.getUrlDecoder().decode(value == null ? "" : value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + " must be base64url");
            }
        }
    }

    /** RFC 8291 §3.2. */
    static final int AUTH_SECRET_BYTES = 16;
    /**
     * The largest payload one aes128gcm record of 4096 bytes holds (RFC 8291 §4: push services must accept
     * that much): 4096 less the 86-byte header, the 16-byte tag and the padding delimiter.
     */
    public static final int MAX_PAYLOAD_BYTES = 4096 - 86 - 16 - 1;
    /**
     * RFC 8292 §2 allows up to 24 hours; half of that, less a margin for a clock running ahead of the push
     * service's, keeps well inside every service's limit.
     */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(12).minusMinutes(5);
    /** RFC 8030 §5.4: at most 32 characters of the URL- and filename-safe base64 alphabet. */
    private static final String TOPIC = "[A-Za-z0-9_-]{1,32}";

    private final VapidKeys keys;
    private final NotifyConfig timeouts;
    private final HttpClient client;
    /** Null when Web Push is off. */
    private final com.interaso.webpush.WebPush messages;

    @Inject
    WebPush(VapidKeys keys, NotifyConfig timeouts) {
        this.keys = keys;
        this.timeouts = timeouts;
        // Redirects are not followed: an endpoint is a URL a browser (or whoever subscribed) chose, and its
        // messages go there or nowhere.
        this.client = HttpClient.newBuilder().connectTimeout(timeouts.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.messages = keys.enabled() ? new com.interaso.webpush.WebPush(keys.subject(),
                new com.interaso.webpush.VapidKeys(keys.publicKey(), keys.privateKey())) : null;
    }

    /** Whether Web Push is on; see {@link VapidKeys#enabled()}. */
    public boolean enabled() {
        return keys.enabled();
    }

    /**
     * Encrypts and sends one payload, blocking until the push service answers or the timeouts run out.
     *
     * @param ttl how long the push service keeps it for an offline browser (0: deliver now or drop)
     * @param topic null, or up to 32 base64url characters: a newer message with the same topic replaces one the
     *        browser has not collected yet
     */
    public DeliveryOutcome send(PushEndpoint target, byte[] payload, Duration ttl, String topic) {
        if (messages == null) {
            throw new IllegalStateException("Web Push is off: no VAPID key pair is configured");
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("A push payload holds at most " + MAX_PAYLOAD_BYTES + " bytes, not "
                    + payload.length);
        }
        if (topic != null && !topic.matches(TOPIC)) {
            throw new IllegalArgumentException("A topic is 1 to 32 base64url characters, not '" + topic + "'");
        }
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("A TTL cannot be negative");
        }
        Base64.Decoder base64Url = Base64.getUrlDecoder();
        byte[] body = messages.getBody(payload, base64Url.decode(target.p256dh()), base64Url.decode(target.auth()));
        // The token's audience is the endpoint's origin (RFC 8292 §2), signed anew for each message.
        String token = messages.getToken(messages.getAudience(target.endpoint()), (int) TOKEN_LIFETIME.toSeconds());
        // Authorization (vapid t=, k=), TTL, Content-Encoding: aes128gcm, Content-Type, Urgency and Topic.
        Map<String, String> headers = messages.getHeadersWithToken(token, (int) Math.min(ttl.toSeconds(),
                Integer.MAX_VALUE), topic, com.interaso.webpush.WebPush.Urgency.Normal);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.endpoint()))
                .timeout(timeouts.sendTimeout()).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return DeliveryOutcome.exchange(client, request.build(), timeouts.connectTimeout().plus(timeouts.sendTimeout()));
    }
}
