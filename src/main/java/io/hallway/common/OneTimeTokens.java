package io.hallway.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Secrets handed out once, in a link, of which the server keeps only the SHA-256: a copy of the database then
 * opens nothing. A token is 256 random bits as unpadded base64url. The team's and the speakers' invitations use
 * it.
 */
public final class OneTimeTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 random bytes as unpadded base64url. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private OneTimeTokens() {
    }

    public static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Whether the text could be a token at all: anything else is unknown without a look-up. */
    public static boolean wellFormed(String token) {
        return SHAPE.matcher(token).matches();
    }

    /** What the server stores and looks a token up by. */
    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
