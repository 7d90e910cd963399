package io.hallway.testing;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.restassured.path.json.JsonPath;

/** Offline exchange codes made the way an app makes them, from the secret the server gave it. */
public final class OfflineCodes {

    private OfflineCodes() {
    }

    /** The thirty-second step of Unix time the instant falls in. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 30);
    }

    /** The documented recipe: hwo1.<holder>.<step>.<first 16 chars of base64url(HMAC-SHA256(secret, step BE64))>. */
    public static String code(JsonPath secret, long step) {
        return "hwo1." + secret.getString("holder") + "." + step + "." + mac(secret.getString("secret"), step);
    }

    public static String mac(String secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(secret), "HmacSHA256"));
            byte[] full = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(full).substring(0, 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
