package io.hallway.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;
import io.smallrye.config.ConfigMapping;

/**
 * Hands notifications to the operator's own gateway (which reaches FCM and APNs for the native apps) as
 * signed webhooks, following Standard Webhooks (https://www.standardwebhooks.com/): the gateway checks the
 * signature with the shared secret and drops a replayed or stale request by its id and timestamp. Off unless
 * a URL is configured; a URL without a usable secret refuses startup, so nothing is ever sent unsigned.
 */
@Startup
@ApplicationScoped
class WebhookRelay {

    @ConfigMapping(prefix = "hallway.notify.webhook")
    public interface Config {

        /** The gateway's endpoint; absent: no relay. */
        Optional<String> url();

        /** Standard Webhooks secret, "whsec_" and the base64 of at least 24 random bytes. */
        Optional<String> secret();
    }

    static final String URL = "hallway.notify.webhook.url";
    static final String SECRET = "hallway.notify.webhook.secret";
    private static final String SECRET_PREFIX = "whsec_";
    /** Standard Webhooks asks for secrets of 24 to 64 bytes. */
    static final int MIN_SECRET_BYTES = 24;

    private final NotifyConfig timeouts;
    private final HttpClient client;
    /** Null when the relay is off. */
    private final URI url;
    private final SecretKeySpec key;

    @Inject
    WebhookRelay(Config config, NotifyConfig timeouts) {
        this.timeouts = timeouts;
        this.client = HttpClient.newBuilder().connectTimeout(timeouts.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Optional<String> configuredUrl = config.url().map(String::strip).filter(u -> !u.isEmpty());
        this.url = configuredUrl.map(WebhookRelay::checkedUrl).orElse(null);
        this.key = configuredUrl.isPresent() ? new SecretKeySpec(checkedSecret(config.secret()), "HmacSHA256") : null;
    }

    /** Whether a relay is configured. */
    public boolean enabled() {
        return url != null;
    }

    /**
     * Posts one notification to the gateway, blocking until it answers or the timeouts run out.
     *
     * @param notificationId the same for every attempt at the same notification, so the gateway can tell a
     *        retry from a new message (webhook-id)
     * @param json the notification as the gateway reads it, sent and signed byte for byte
     */
    public DeliveryOutcome send(String notificationId, byte[] json) {
        if (url == null) {
            throw new IllegalStateException("The webhook relay is off: " + URL + " is not set");
        }
        if (notificationId == null || !notificationId.matches("[\\x21-\\x7e]{1,256}")) {
            throw new IllegalArgumentException("A webhook id is 1 to 256 visible ASCII characters");
        }
        // The timestamp of this attempt, not of the notification: the gateway refuses signatures too old.
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeouts.sendTimeout())
                .header("Content-Type", "application/json")
                .header("webhook-id", notificationId)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", "v1," + signature(notificationId, timestamp, json))
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        return DeliveryOutcome.exchange(client, request, timeouts.connectTimeout().plus(timeouts.sendTimeout()));
    }

    /** base64 of HMAC-SHA256 over "{id}.{timestamp}.{body}". */
    private String signature(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static URI checkedUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // not a URL at all: refused like any other unusable value
        }
        throw new IllegalStateException(URL + " must be an absolute http or https URL; it is '" + value + "'");
    }

    private static byte[] checkedSecret(Optional<String> configured) {
        String secret = configured.map(String::strip).orElse("");
        String howTo = "Set it to " + SECRET_PREFIX + " followed by the base64 of " + MIN_SECRET_BYTES
                + " to 64 random bytes (for example: echo " + SECRET_PREFIX + "$(openssl rand -base64 32)), the same "
                + "on the gateway.";
        if (secret.isEmpty()) {
            throw new IllegalStateException(SECRET + " is not set, but " + URL + " is: the gateway needs a shared "
                    + "secret to check that notifications come from us. " + howTo);
        }
        IllegalStateException malformed = new IllegalStateException(SECRET + " is not " + SECRET_PREFIX
                + " followed by base64. " + howTo);
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw malformed;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw malformed;
        }
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException(SECRET + " holds " + key.length + " bytes, fewer than " + MIN_SECRET_BYTES
                    + ". " + howTo);
        }
        return key;
    }
}
