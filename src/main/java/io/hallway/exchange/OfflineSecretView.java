package io.hallway.exchange;

import java.time.OffsetDateTime;
import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonInclude;

/** My offline exchange secret and everything an app needs to show codes from it without the network. */
public record OfflineSecretView(
        /** The opaque id my codes carry instead of my user id; a rotation gives a new one. */
        String holder,
        /** 32 bytes, base64url without padding: keep it in the app's secure storage, never in a screenshot or log. */
        String secret,
        int stepSeconds,
        String algorithm,
        /** How a code is made from the secret and the current time step; see the operation's description. */
        String format,
        /** The characters of the MAC a code carries. */
        int macLength,
        OffsetDateTime createdAt,
        /** When the current secret replaced an earlier one; absent if it never did. */
        @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime rotatedAt) {

    static OfflineSecretView of(OfflineSecrets.Stored stored, byte[] secret, java.time.ZoneId zone) {
        return new OfflineSecretView(stored.holder(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                OfflineCodes.STEP_SECONDS, OfflineCodes.ALGORITHM, OfflineCodes.FORMAT, OfflineCodes.MAC_CHARS,
                stored.createdAt().atZone(zone).toOffsetDateTime(),
                stored.rotatedAt() == null ? null : stored.rotatedAt().atZone(zone).toOffsetDateTime());
    }
}
