package io.hallway.common;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The one place that turns failures into RFC 9457 problem+json. Nothing of the Java inside leaks out. */
public class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);
    /** RFC 3986 path characters besides letters and digits: unreserved, sub-delims, ':', '@' and '/'. */
    private static final String PATH_CHARACTERS = "-._~!$&'()*+,;=:@/";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final String SECRET_PATH_PARAMETER = "token";
    /** Long enough for PostgreSQL to restart or fail over, short enough that apps come back soon after. */
    private static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(Problem problem, UriInfo uri) {
        var document = new ProblemDocument(problem.type(), problem.getMessage(), instance(uri), problem.violations(),
                problem.extensions());
        var response = Response.fromResponse(document.toResponse());
        problem.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException exception, UriInfo uri) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            violations.add(new Problem.Violation(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        violations.sort((a, b) -> a.field().compareTo(b.field()));
        // One field is named in the detail, as the one line a client may show; several are only counted there.
        String detail = violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                : "The request has " + violations.size() + " invalid fields.";
        return new ProblemDocument(ProblemType.INVALID_REQUEST, detail, instance(uri), violations, Map.of())
                .toResponse();
    }

    // Listed one by one: Quarkus has built-in mappers for some of these subtypes, and the most specific wins.
    @ServerExceptionMapper({ JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class,
            ValueInstantiationException.class })
    public Response unreadableJson(JsonProcessingException exception, UriInfo uri) {
        String field = exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? pointer(mapping) : null;
        String detail;
        List<Problem.Violation> violations = List.of();
        if (exception instanceof UnrecognizedPropertyException unknown) {
            detail = "Unknown property '" + unknown.getPropertyName() + "'.";
            violations = List.of(new Problem.Violation(field, "unknown property"));
        } else if (field != null && exception.getCause() instanceof InputCoercionException outOfRange) {
            String message = rangeOf(outOfRange.getTargetType());
            detail = field + ": " + message + ".";
            violations = List.of(new Problem.Violation(field, message));
        } else if (field != null && !(exception.getCause() instanceof StreamReadException)) {
            detail = "The value at " + field + " has the wrong type or format.";
            violations = List.of(new Problem.Violation(field, "wrong type or format"));
        } else {
            // Bytes that are no JSON inside a value come wrapped with the value's path: the parser's failure says
            // where in the body and why.
            var unreadable = exception.getCause() instanceof StreamReadException parse ? parse : exception;
            var location = unreadable.getLocation();
            detail = "The body is not valid JSON" + (location == null ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")") + reasonFor(unreadable);
            if (field != null) {
                violations = List.of(new Problem.Violation(field, "not valid JSON"));
            }
        }
        return new ProblemDocument(ProblemType.UNREADABLE_REQUEST_BODY, detail, instance(uri), violations, Map.of())
                .toResponse();
    }

    /** What a client can fix, in words of its own: the parser's messages name Java methods and types. */
    private static String reasonFor(JsonProcessingException unreadable) {
        if (unreadable instanceof StreamConstraintsException) {
            return ": it is nested too deeply or holds a value too long to read.";
        }
        if (unreadable instanceof JsonEOFException) {
            return ": it ends before the value does.";
        }
        if (unreadable.getOriginalMessage() != null && unreadable.getOriginalMessage().startsWith("Invalid UTF-8")) {
            return ": it is not UTF-8 text.";
        }
        return ".";
    }

    private static String rangeOf(Class<?> type) {
        if (type == Integer.TYPE || type == Integer.class) {
            return "must be at least " + Integer.MIN_VALUE + " and at most " + Integer.MAX_VALUE;
        }
        if (type == Long.TYPE || type == Long.class) {
            return "must be at least " + Long.MIN_VALUE + " and at most " + Long.MAX_VALUE;
        }
        return "is out of range";
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleObjectStateException.class })
    public Response staleVersion(RuntimeException exception, UriInfo uri) {
        return respond(ProblemType.STALE_VERSION,
                "Someone else changed this resource since you read it; fetch it again and reapply your change.", uri)
                .build();
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthenticated(RuntimeException exception, UriInfo uri) {
        return respond(ProblemType.UNAUTHORIZED, "A valid bearer token is required.", uri)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** The identity provider could not be reached to verify a token: our outage, not the caller's fault. */
    @ServerExceptionMapper
    public Response identityProviderDown(io.quarkus.oidc.OIDCException exception, UriInfo uri) {
        LOG.warnf("Token verification failed on %s: %s", loggedPath(uri), exception.getMessage());
        return respond(ProblemType.SIGN_IN_UNAVAILABLE, "Tokens cannot be verified right now. Try again shortly.", uri)
                .header(HttpHeaders.RETRY_AFTER, 30).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "Your role does not allow this.", uri).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, UriInfo uri) {
        // A parameter ParameterValues could not read: JAX-RS wraps the refusal in a bare 404.
        if (exception.getCause() instanceof Problem problem) {
            return problem(problem, uri);
        }
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(exception, uri);
        }
        // The JSON reader hands on most failures as a bare 400. A value that is none of a wire enum's names is
        // readable but invalid, so it is named like a value a constraint refused, with the allowed values.
        if (exception.getCause() instanceof JsonMappingException mapping
                && mapping.getCause() instanceof WireEnum.UnknownValue unknown) {
            return problem(unknown.at(propertyPath(mapping)), uri);
        }
        // Text the database would refuse (NUL) or change (half a surrogate pair becomes "?"), named by its pointer.
        if (exception.getCause() instanceof JsonMappingException mapping
                && mapping.getCause() instanceof StrictWireJson.UnstorableText unstorable) {
            String field = pointer(mapping);
            return problem(Problem.of(ProblemType.INVALID_VALUE, field + ": " + unstorable.getMessage(),
                    List.of(new Problem.Violation(field, unstorable.getMessage()))), uri);
        }
        // Everything else the JSON reader refused (malformed JSON, a number too large for its field, bytes that
        // are not UTF-8) is answered like the failures it hands on unwrapped.
        if (exception.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, uri);
        }
        ProblemType type = ProblemType.forHttpStatus(status);
        var response = Response.fromResponse(new ProblemDocument(type, status, detailFor(type), instance(uri),
                List.of(), Map.of()).toResponse());
        copyHeader(original, response, HttpHeaders.ALLOW);
        copyHeader(original, response, HttpHeaders.WWW_AUTHENTICATE);
        return response.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable exception, UriInfo uri) {
        var databaseFailure = DatabaseFailures.classify(exception);
        if (databaseFailure == DatabaseFailures.Kind.UNAVAILABLE) {
            LOG.warnf("Database unavailable on %s: %s", loggedPath(uri), DatabaseFailures.rootMessage(exception));
            return respond(ProblemType.DATABASE_UNAVAILABLE,
                    "The service cannot reach its database right now; nothing was changed. Try again shortly.", uri)
                    .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS).build();
        }
        if (databaseFailure == DatabaseFailures.Kind.INVALID_VALUE) {
            // A value no rule in Java looked at (a NUL character, a number out of the column's range) that
            // PostgreSQL refused: the caller's input, not our failure.
            LOG.warnf("Value refused by the database on %s: %s", loggedPath(uri), DatabaseFailures.rootMessage(exception));
            return respond(ProblemType.INVALID_VALUE,
                    "The request holds a value that cannot be stored or looked up (such as a NUL character).", uri)
                    .build();
        }
        if (databaseFailure == DatabaseFailures.Kind.DUPLICATE) {
            // A rule checked in Java first (slug taken, one link per person) that a concurrent request won.
            return respond(ProblemType.CONFLICT,
                    "The same thing was created by another request at the same moment; fetch it and retry if needed.",
                    uri).build();
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(exception, "Unexpected failure [correlationId=%s] on %s", correlationId, loggedPath(uri));
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("correlationId", correlationId);
        return new ProblemDocument(ProblemType.INTERNAL_ERROR,
                "Something went wrong on our side. Quote the correlation id when you report it.", instance(uri),
                List.of(), extensions).toResponse();
    }

    private static Response.ResponseBuilder respond(ProblemType type, String detail, UriInfo uri) {
        var document = new ProblemDocument(type, detail, instance(uri), List.of(), Map.of());
        return Response.fromResponse(document.toResponse());
    }

    private static String detailFor(ProblemType type) {
        return switch (type) {
            case NOT_FOUND -> "No such resource.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on this resource.";
            case NOT_ACCEPTABLE -> "None of the accepted media types can be produced.";
            // Said of every operation: the router refuses before it knows which one, and all take JSON.
            case UNSUPPORTED_MEDIA_TYPE -> "This media type is not supported here; send the body as application/json.";
            case REQUEST_ENTITY_TOO_LARGE -> "The request body is too large.";
            default -> "The request could not be processed.";
        };
    }

    private static void copyHeader(Response from, Response.ResponseBuilder to, String name) {
        Object value = from.getHeaders().getFirst(name);
        if (value != null) {
            to.header(name, value);
        }
    }

    /**
     * The request path as a URI reference. The decoded path may hold characters no URI may (a {@code %00} or
     * {@code %20} the client sent), so each is percent-encoded again instead of failing inside the error handler.
     */
    static URI instance(UriInfo uri) {
        return uri == null ? null : URI.create(encoded(uri.getPath()));
    }

    /**
     * The path as the log may show it: encoded like {@link #instance}, so a client cannot write control
     * characters into the log, and without secrets: a path parameter named {@code token} is a credential (a
     * private calendar feed's, for one), so its value is replaced by its name.
     */
    static String loggedPath(UriInfo uri) {
        String path = encoded(uri.getPath());
        for (String secret : uri.getPathParameters().getOrDefault(SECRET_PATH_PARAMETER, List.of())) {
            if (!secret.isEmpty()) {
                path = path.replace(encoded(secret), "{" + SECRET_PATH_PARAMETER + "}");
            }
        }
        return path;
    }

    private static String encoded(String path) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || PATH_CHARACTERS.indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return encoded.toString();
    }

    /** JSON pointer (RFC 6901) to the offending value, as mobile clients can map it to a form field. */
    private static String pointer(JsonMappingException exception) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            pointer.append('/');
            if (reference.getFieldName() != null) {
                pointer.append(reference.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                pointer.append(reference.getIndex());
            }
        }
        return pointer.isEmpty() ? "/" : pointer.toString();
    }

    /**
     * The field as Bean Validation names it ("links.type[0]": the index of a list goes with the property after it),
     * so a value refused while the body is read is named like one a constraint refused.
     */
    private static String propertyPath(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        Integer index = null;
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() == null) {
                index = reference.getIndex();
                continue;
            }
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(reference.getFieldName());
            if (index != null) {
                path.append('[').append(index).append(']');
                index = null;
            }
        }
        return index == null ? path.toString() : path.append('[').append(index).append(']').toString();
    }

    /**
     * The bean property path without the method name, which means nothing to a client: "name" for a
     * field of a request body, the parameter name ("size") for a query or path parameter.
     */
    private static String fieldOf(Path path) {
        String parameter = "";
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                field.setLength(0);
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getName() == null || node.getName().startsWith("<")) {
                    continue;
                }
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
                if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
            }
        }
        return field.isEmpty() ? parameter : field.toString();
    }
}
