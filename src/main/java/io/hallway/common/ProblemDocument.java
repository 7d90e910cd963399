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

    ProblemDocument(String title, int status, String detail, URI instance, List<Problem.Violation> violations,
            Map<String, Object> extensions) {
        this.type = typeFor(title);
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.violations = violations;
        this.extensions = extensions;
    }

    /** A stable, machine-readable type per kind of problem, so clients can switch on it. */
    static URI typeFor(String title) {
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return URI.create("urn:hallway:problem:" + slug);
    }

    @JsonAnyGetter
    Map<String, Object> extensions() {
        return extensions;
    }

    Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }
}
