package io.hallway.exchange;

import java.time.Instant;

/** A code to show: once, in this response; the server keeps only its hash. */
public record IssuedToken(
        String token,
        Instant expiresAt,
        /** What to encode as QR: https://<app domain>/x#<token>, the code after '#' so it stays out of server logs. */
        String link,
        String qrPng,
        String qrSvg) {
}
