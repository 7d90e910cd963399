package io.hallway.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure a client should understand, rendered as RFC 9457 problem+json by {@link Problems}.
 * Thrown from anywhere in a request: the type says what kind of problem it is, the message is the "detail" shown
 * to the client, so it must never carry internals.
 */
public class Problem extends RuntimeException {

    public record Violation(String field, String message) {
    }

    private final ProblemType type;
    private final List<Violation> violations;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Problem(ProblemType type, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail, List.of());
    }

    /** A problem whose detail is spelled out per field, such as a venue document's mistakes. */
    public static Problem of(ProblemType type, String detail, List<Violation> violations) {
        return new Problem(type, detail, violations);
    }

    public static Problem notFound(String detail) {
        return of(ProblemType.NOT_FOUND, detail);
    }

    public static Problem invalid(String field, String message) {
        return of(ProblemType.INVALID_REQUEST, field + ": " + message, List.of(new Violation(field, message)));
    }

    public static Problem tooManyRequests(String detail, long retryAfterSeconds) {
        return of(ProblemType.TOO_MANY_REQUESTS, detail).header("Retry-After", Long.toString(retryAfterSeconds))
                .with("retryAfterSeconds", retryAfterSeconds);
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

    public ProblemType type() {
        return type;
    }

    public int status() {
        return type.status();
    }

    public String title() {
        return type.title();
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
