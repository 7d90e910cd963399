package io.hallway.common;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The RFC 9457 body every 4xx and 5xx carries. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance", "violations" })
public final class ProblemDocument {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    public final URI type;
    public final String title;
    public final int status;
    public final String detail;
    public final URI instance;
    public final List<Problem.Violation> violations;
    private final Map<String, Object> extensions;

    ProblemDocument(ProblemType type, String detail, URI instance, List<Problem.Violation> violations,
            Map<String, Object> extensions) {
        this(type, type.status(), detail, instance, violations, extensions);
    }

    /** With the response's status, for the one type that stands for several: {@link ProblemType#REQUEST_FAILED}. */
    ProblemDocument(ProblemType type, int status, String detail, URI instance, List<Problem.Violation> violations,
            Map<String, Object> extensions) {
        this.type = type.uri();
        this.title = type.title();
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.violations = violations;
        this.extensions = extensions;
    }

    @JsonAnyGetter
    Map<String, Object> extensions() {
        return extensions;
    }

    Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }
}
