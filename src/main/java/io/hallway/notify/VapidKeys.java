package io.hallway.notify;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.interaso.webpush.CryptoKt;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.smallrye.config.ConfigMapping;

/**
 * The server's VAPID key pair (RFC 8292): push services check that every message to a subscription is signed
 * by the key the browser subscribed with, so every replica needs the same pair, from configuration, and it
 * must never change while subscriptions made with it live. Dev and test runs without one make a pair of their
 * own; production without one sends no Web Push. Checked at startup, so a replica with a broken pair refuses
 * to start instead of sending messages every push service rejects.
 */
@Startup
@Singleton
class VapidKeys {

    @ConfigMapping(prefix = "hallway.notify.vapid")
    public interface Config {

        /** base64url (no padding) of the uncompressed P-256 point, 65 bytes: the browser's applicationServerKey. */
        Optional<String> publicKey();

        /** base64url of the 32-byte private scalar. */
        Optional<String> privateKey();

        /** Who push services contact about our traffic: a mailto: or https: URL (RFC 8292 §2.1). */
        Optional<String> subject();
    }

    private static final Logger LOG = Logger.getLogger(VapidKeys.class);
    static final String PUBLIC_KEY = "hallway.notify.vapid.public-key";
    static final String PRIVATE_KEY = "hallway.notify.vapid.private-key";
    static final String SUBJECT = "hallway.notify.vapid.subject";
    private static final int UNCOMPRESSED_POINT_BYTES = 65;
    private static final int PRIVATE_SCALAR_BYTES = 32;

    /** Null when Web Push is off. */
    private final com.interaso.webpush.VapidKeys pair;
    private final String subject;

    @Inject
    VapidKeys(Config config) {
        this(config.publicKey(), config.privateKey(), config.subject(), LaunchMode.current());
    }

    VapidKeys(Optional<String> publicKey, Optional<String> privateKey, Optional<String> subject, LaunchMode mode) {
        Optional<String> configuredPublic = publicKey.map(String::strip).filter(k -> !k.isEmpty());
        Optional<String> configuredPrivate = privateKey.map(String::strip).filter(k -> !k.isEmpty());
        if (configuredPublic.isPresent() != configuredPrivate.isPresent()) {
            String missing = configuredPublic.isPresent() ? PRIVATE_KEY : PUBLIC_KEY;
            String present = configuredPublic.isPresent() ? PUBLIC_KEY : PRIVATE_KEY;
            throw new IllegalStateException(missing + " is not set, but " + present
                    + " is: Web Push needs both halves of the VAPID key pair.");
        }
        if (configuredPublic.isEmpty() && !mode.isDevOrTest()) {
            LOG.warn("Web Push is off: no VAPID key pair is configured. To turn it on, set " + PUBLIC_KEY + " and "
                    + PRIVATE_KEY + " (HALLWAY_NOTIFY_VAPID_PUBLIC_KEY, HALLWAY_NOTIFY_VAPID_PRIVATE_KEY) to the same "
                    + "pair on every replica, and " + SUBJECT + " to a mailto: or https: contact.");
            pair = null;
            this.subject = null;
            return;
        }
        this.subject = checkedSubject(subject);
        if (configuredPublic.isPresent()) {
            pair = parse(configuredPublic.get(), configuredPrivate.get());
        } else {
            pair = com.interaso.webpush.VapidKeys.generate();
            LOG.info("No VAPID key pair is configured: this " + mode.getDefaultProfile() + " run made one of its own "
                    + "(subscriptions made with it end with the run; set " + PUBLIC_KEY + " and " + PRIVATE_KEY
                    + " to keep them), public key " + publicKeyBase64Url());
        }
    }

    /** Whether Web Push is on: false in production without a configured key pair. */
    public boolean enabled() {
        return pair != null;
    }

    /** The public key as browsers take it for PushManager.subscribe's applicationServerKey. */
    public String publicKeyBase64Url() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(on().getApplicationServerKey());
    }

    public ECPublicKey publicKey() {
        return on().getPublicKey();
    }

    public ECPrivateKey privateKey() {
        return on().getPrivateKey();
    }

    /** The contact that goes into every VAPID token's "sub" claim. */
    public String subject() {
        on();
        return subject;
    }

    private com.interaso.webpush.VapidKeys on() {
        if (pair == null) {
            throw new IllegalStateException("Web Push is off: no VAPID key pair is configured (" + PUBLIC_KEY + ")");
        }
        return pair;
    }

    private static String checkedSubject(Optional<String> configured) {
        String subject = configured.map(String::strip).orElse("");
        if (subject.isEmpty()) {
            throw new IllegalStateException(SUBJECT + " is not set: push services need a mailto: or https: URL to "
                    + "contact the operator about this server's traffic (RFC 8292 §2.1).");
        }
        if (!subject.matches("mailto:[^\\s@]+@[^\\s@]+|https://[^\\s/]+(/\\S*)?")) {
            throw new IllegalStateException(SUBJECT + " must be a mailto: or https: URL, such as "
                    + "mailto:ops@example.org; it is '" + subject + "'");
        }
        return subject;
    }

    private static com.interaso.webpush.VapidKeys parse(String publicKey, String privateKey) {
        byte[] point = decode(PUBLIC_KEY, publicKey);
        if (point.length != UNCOMPRESSED_POINT_BYTES || point[0] != 0x04) {
            throw new IllegalStateException(PUBLIC_KEY + " must be the " + UNCOMPRESSED_POINT_BYTES
                    + "-byte uncompressed P-256 point (starting 0x04), base64url; it has " + point.length + " bytes");
        }
        byte[] scalar = decode(PRIVATE_KEY, privateKey);
        if (scalar.length != PRIVATE_SCALAR_BYTES) {
            throw new IllegalStateException(PRIVATE_KEY + " must be the " + PRIVATE_SCALAR_BYTES
                    + "-byte P-256 private key, base64url; it has " + scalar.length + " bytes");
        }
        ECPublicKey publicPoint;
        ECPrivateKey privateScalar;
        try {
            publicPoint = CryptoKt.generatePublicKeyFromUncompressedBytes(point);
            privateScalar = CryptoKt.generatePrivateKeyFromUncompressedBytes(scalar);
        } catch (Exception e) {
            // Kotlin passes the JDK's checked InvalidKeySpecException on undeclared, hence Exception.
            throw new IllegalStateException(PUBLIC_KEY + " is not a point on the P-256 curve, or " + PRIVATE_KEY
                    + " is not a P-256 private key", e);
        }
        try {
            // Signs with the private key and checks the signature with the public one.
            return new com.interaso.webpush.VapidKeys(publicPoint, privateScalar);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PRIVATE_KEY + " does not belong to " + PUBLIC_KEY
                    + ": set both from the same key pair.", e);
        }
    }

    private static byte[] decode(String property, String value) {
        try {
            return Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not base64url (A-Z a-z 0-9 - _, no padding)");
        }
    }
}
