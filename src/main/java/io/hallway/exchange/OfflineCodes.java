package io.hallway.exchange;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The codes an app shows without the network, derived from its offline exchange secret and the time step, as
 * TOTP (RFC 6238) does: {@code hwo1.<holder>.<step>.<mac>}, where step is the Unix time in seconds divided by 30
 * (rounded down), and mac is the first 16 characters of the unpadded base64url of HMAC-SHA256(secret, step as an
 * 8-byte big-endian integer). The holder is an opaque id of the secret, never the user id. 16 characters carry 96
 * bits: guessing one is hopeless within the scan rate limit.
 */
final class OfflineCodes {

    static final String PREFIX = "hwo1";
    static final int STEP_SECONDS = 30;
    static final int MAC_CHARS = 16;
    static final String ALGORITHM = "HMAC-SHA256";
    static final String FORMAT = PREFIX + ".<holder>.<step>.<first " + MAC_CHARS
            + " characters of base64url(HMAC-SHA256(secret, step as 8-byte big-endian)), unpadded>";

    private static final Pattern SHAPE = Pattern.compile(
            Pattern.quote(PREFIX) + "\\.([A-Za-z0-9_-]{22})\\.([0-9]{1,15})\\.([A-Za-z0-9_-]{" + MAC_CHARS + "})");

    /** A code as read: whose secret, which step, and the MAC to check. */
    record Code(String holder, long step, String mac) {

        /** What the code is stored and compared by: its hash, as an Idempotency-Key remembers a scanned code. */
        byte[] hash() {
            return TokenCodec.hash(PREFIX + "." + holder + "." + step + "." + mac);
        }
    }

    private OfflineCodes() {
    }

    /** The time step an instant falls in. */
    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    static String code(String holder, byte[] secret, long step) {
        return PREFIX + "." + holder + "." + step + "." + mac(secret, step);
    }

    /** The code in what a client scanned: the bare code, or a link with the code after '#'. */
    static Optional<Code> parse(String scanned) {
        String candidate = scanned.strip();
        int fragment = candidate.lastIndexOf('#');
        if (fragment >= 0) {
            candidate = candidate.substring(fragment + 1);
        }
        Matcher matcher = SHAPE.matcher(candidate);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Code(matcher.group(1), Long.parseLong(matcher.group(2)), matcher.group(3)));
    }

    /** Whether the code was made with this secret; in constant time, so timing does not reveal a right prefix. */
    static boolean madeWith(Code code, byte[] secret) {
        return MessageDigest.isEqual(mac(secret, code.step()).getBytes(StandardCharsets.US_ASCII),
                code.mac().getBytes(StandardCharsets.US_ASCII));
    }

    private static String mac(byte[] secret, long step) {
        byte[] full = TokenCodec.hmac(secret, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(full).substring(0, MAC_CHARS);
    }
}
