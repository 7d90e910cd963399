package io.hallway.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.notify.DeliveryOutcome.Result;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeliveryOutcomeTest {

    @Test
    void each_status_maps_to_what_the_sender_does_next() {
        assertEquals(Result.DELIVERED, result(200));
        assertEquals(Result.DELIVERED, result(201));
        assertEquals(Result.DELIVERED, result(204));
        assertEquals(Result.GONE, result(404));
        assertEquals(Result.GONE, result(410));
        assertEquals(Result.RETRY, result(408));
        assertEquals(Result.RETRY, result(429));
        assertEquals(Result.RETRY, result(500));
        assertEquals(Result.RETRY, result(503));
        assertEquals(Result.REJECTED, result(301));
        assertEquals(Result.REJECTED, result(400));
        assertEquals(Result.REJECTED, result(401));
        assertEquals(Result.REJECTED, result(403));
        assertEquals(Result.REJECTED, result(413));
    }

    @Test
    void retry_after_is_read_as_seconds_or_as_an_http_date() {
        Instant now = Instant.parse("2026-05-20T08:00:00Z");

        assertEquals(Duration.ofSeconds(120), DeliveryOutcome.retryAfter("120", now));
        assertEquals(Duration.ZERO, DeliveryOutcome.retryAfter("0", now));
        assertEquals(Duration.ofSeconds(90), DeliveryOutcome.retryAfter("Wed, 20 May 2026 08:01:30 GMT", now));
        assertEquals(Duration.ZERO, DeliveryOutcome.retryAfter("Wed, 20 May 2026 07:00:00 GMT", now));
        assertNull(DeliveryOutcome.retryAfter("-5", now));
        assertNull(DeliveryOutcome.retryAfter("soon", now));
        assertNull(DeliveryOutcome.retryAfter("", now));
    }

    @Test
    void retry_after_is_kept_only_where_there_is_a_retry() {
        assertEquals(Duration.ofSeconds(30), DeliveryOutcome.of(503, Optional.of("30"), "503").retryAfter());
        assertNull(DeliveryOutcome.of(503, Optional.of("later"), "503").retryAfter());
        assertNull(DeliveryOutcome.of(410, Optional.of("30"), "410").retryAfter());
    }

    private static Result result(int status) {
        return DeliveryOutcome.of(status, Optional.empty(), Integer.toString(status)).result();
    }
}
