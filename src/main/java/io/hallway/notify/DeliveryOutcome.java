package io.hallway.notify;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;


/**
 * What a push service or the operator's relay answered to one delivery, reduced to what the sender does next.
 *
 * @param status the HTTP status, 0 when no response came (connection refused, timeout)
 * @param retryAfter how long the other side asked us to wait (Retry-After), null when it did not say
 * @param detail for the log: the status and the start of the response body, or why nothing came back
 */
record DeliveryOutcome(Result result, int status, Duration retryAfter, String detail) {

    public enum Result {
        /** Accepted (2xx): done. */
        DELIVERED,
        /** 404 or 410: the subscription no longer exists (RFC 8030 §7.3); remove it and never send to it again. */
        GONE,
        /** Worth another try later (429, 5xx, 408, no response), after retryAfter when given. */
        RETRY,
        /** Refused for good (any other status): trying again would be refused again. */
        REJECTED
    }

    /** Enough of an error body to say why (push services answer with a short reason), never a whole document. */
    private static final int DETAIL_BYTES = 300;

    /** The one mapping from an HTTP answer to what to do next, shared by every sender. */
    public static DeliveryOutcome of(int status, Optional<String> retryAfterHeader, String detail) {
        if (status >= 200 && status < 300) {
            return new DeliveryOutcome(Result.DELIVERED, status, null, detail);
        }
        if (status == 404 || status == 410) {
            return new DeliveryOutcome(Result.GONE, status, null, detail);
        }
        // 408: the server gave up waiting for the request, which may be repeated (RFC 9110 §15.5.9).
        if (status == 408 || status == 429 || status >= 500) {
            return new DeliveryOutcome(Result.RETRY, status,
                    retryAfterHeader.map(value -> retryAfter(value, Instant.now())).orElse(null), detail);
        }
        return new DeliveryOutcome(Result.REJECTED, status, null, detail);
    }

    /** No answer at all: the other side is down, unreachable or too slow; worth another try. */
    private static DeliveryOutcome noResponse(String detail) {
        return new DeliveryOutcome(Result.RETRY, 0, null, detail);
    }

    /**
     * A Retry-After value (RFC 9110 §10.2.3) as a wait from now: delta-seconds, or an HTTP-date in the
     * IMF-fixdate form every sender must generate (a date already past means now). Null when unreadable.
     */
    static Duration retryAfter(String value, Instant now) {
        String trimmed = value.strip();
        if (trimmed.matches("[0-9]{1,18}")) {
            return Duration.ofSeconds(Long.parseLong(trimmed));
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Sends one request and maps what comes back; never throws for what the network or the other side does.
     * The whole exchange, body included, ends by the deadline: the request's own timeout only covers the wait
     * for the response headers, and a subscription's endpoint is a URL someone else chose, so it might send
     * headers and then trickle the body forever. Only the start of the body is kept, for the detail.
     */
    static DeliveryOutcome exchange(HttpClient client, HttpRequest request, Duration deadline) {
        ByteArrayOutputStream start = new ByteArrayOutputStream();
        CompletableFuture<HttpResponse<Void>> pending = client.sendAsync(request,
                info -> HttpResponse.BodySubscribers.ofByteArrayConsumer(chunk -> chunk.ifPresent(bytes -> start
                        .write(bytes, 0, Math.min(bytes.length, DETAIL_BYTES - start.size())))));
        try {
            HttpResponse<Void> response = pending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            String body = start.toString(StandardCharsets.UTF_8).strip();
            return of(response.statusCode(), response.headers().firstValue("Retry-After"),
                    response.statusCode() + (body.isEmpty() ? "" : " " + body));
        } catch (TimeoutException e) {
            pending.cancel(true);
            return noResponse("no complete response within " + deadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            // Refused or reset connections, TLS failures and HttpTimeoutException all arrive here.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return noResponse(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return noResponse("interrupted while waiting for the response");
        }
    }
}
