package io.hallway.exchange;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * Makes exchange codes: base64url of HMAC-SHA256(server key, 128 random bits). The database keeps the
 * random input and the SHA-256 of the code, never the code; with the key, the current code can be drawn
 * as a QR again, and a copy of the database alone does not let anyone redeem a code.
 */
@Singleton
@Startup
class TokenCodec {

    private static final Logger LOG = Logger.getLogger(TokenCodec.class);
    static final int NONCE_BYTES = 16;
    static final int MIN_KEY_LENGTH = 32;
    /** 32 bytes of HMAC output as unpadded base64url. */
    private static final String OFFLINE_SECRET_LABEL = "hallway offline exchange secret\0";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();
    private final byte[] key;

    @Inject
    TokenCodec(ExchangeConfig config) {
        this(config.tokenKey(), LaunchMode.current());
    }

    /** Created at start-up, so a production replica without the shared key never starts instead of failing later. */
    TokenCodec(Optional<String> tokenKey, LaunchMode mode) {
        Optional<String> configured = tokenKey.filter(k -> !k.isBlank());
        if (configured.isPresent() && configured.get().length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("hallway.exchange.token-key must be at least " + MIN_KEY_LENGTH
                    + " characters; set HALLWAY_EXCHANGE_TOKEN_KEY to the same random value on every replica "
                    + "(for example: openssl rand -base64 48).");
        }
        if (configured.isEmpty() && !mode.isDevOrTest()) {
            throw new IllegalStateException("hallway.exchange.token-key is not set. Every replica needs the same key "
                    + "to draw and check exchange codes: set HALLWAY_EXCHANGE_TOKEN_KEY to a random value of at least "
                    + MIN_KEY_LENGTH + " characters (for example: openssl rand -base64 48), kept in a secret.");
        }
        if (configured.isEmpty()) {
            LOG.warn("hallway.exchange.token-key is not set: this dev or test run uses a random key of its own.");
        }
        key = configured.map(k -> k.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] generated = new byte[32];
            random.nextBytes(generated);
            return generated;
        });
    }

    byte[] newNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return nonce;
    }

    String token(byte[] nonce) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, nonce));
    }

    /**
     * An offline exchange secret from its stored random input ({@link OfflineSecrets}): labelled, so it can never
     * equal an online code's bytes, whatever the input.
     */
    byte[] offlineSecret(byte[] nonce) {
        byte[] label = OFFLINE_SECRET_LABEL.getBytes(StandardCharsets.US_ASCII);
        byte[] input = Arrays.copyOf(label, label.length + nonce.length);
        System.arraycopy(nonce, 0, input, label.length, nonce.length);
        return hmac(key, input);
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The code in what a client scanned: the bare code, or the whole link with the code after '#'. */
    static Optional<String> parse(String scanned) {
        String candidate = scanned.strip();
        int fragment = candidate.lastIndexOf('#');
        if (fragment >= 0) {
            candidate = candidate.substring(fragment + 1);
        }
        return SHAPE.matcher(candidate).matches() ? Optional.of(candidate) : Optional.empty();
    }
}
