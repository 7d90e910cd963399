package io.hallway.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response.Status;

/**
 * A failure a client should understand, rendered as RFC 9457 problem+json by {@link Problems}.
 * Thrown from anywhere in a request; the message is the "detail" shown to the client, so it must
 * never carry internals.
 */
public class Problem extends RuntimeException {

    public record Violation(String field, String message) {
    }

    private final int status;
    private final String title;
    private final List<Violation> violations;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Problem(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public Problem(int status, String title, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static Problem notFound(String detail) {
        return new Problem(Status.NOT_FOUND.getStatusCode(), "Not found", detail);
    }

    public static Problem conflict(String title, String detail) {
        return new Problem(Status.CONFLICT.getStatusCode(), title, detail);
    }

    public static Problem invalid(String field, String message) {
        return new Problem(Status.BAD_REQUEST.getStatusCode(), "Invalid request", field + ": " + message,
                List.of(new Violation(field, message)));
    }

    public static Problem badRequest(String title, String detail) {
        return new Problem(Status.BAD_REQUEST.getStatusCode(), title, detail);
    }

    /** Adds a member to the problem document, such as the id of the session a change clashes with. */
    public Problem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    /** Adds an HTTP header to the response, such as Retry-After on a 429. */
    public Problem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public static Problem tooManyRequests(String detail, long retryAfterSeconds) {
        return new Problem(429, "Too many requests", detail).header("Retry-After", Long.toString(retryAfterSeconds))
                .with("retryAfterSeconds", retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
