package io.hallway.schedule;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.Router;

/**
 * Conditional GET for schedule documents: a strong ETag per schedule version and content coding,
 * 304 without a body when the client already has it, the pre-compressed body when it accepts gzip.
 */
@ApplicationScoped
public class ScheduleHttpCaching {

    private static final int AFTER_CORS = -SecurityHandlerPriorities.CORS + 1;

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    ScheduleConfig config;

    /** The answer from memory alone, if this replica can give it without the database. */
    Optional<Response> respondFromMemory(String slug, String ifNoneMatch, String acceptEncoding) {
        Optional<ScheduleSnapshots.VersionRef> version = snapshots.recentVersion(slug);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        if (notModified(version.get(), ifNoneMatch)) {
            return Optional.of(notModifiedResponse(version.get(), acceptEncoding));
        }
        return snapshots.ready(version.get()).map(built -> okResponse(built, acceptEncoding));
    }

    /** The headers of a 304 for the snapshot, if this replica knows from memory that the client's copy is current. */
    Optional<Map<String, String>> notModifiedFromMemory(String slug, String ifNoneMatch, String acceptEncoding) {
        return snapshots.recentVersion(slug).filter(version -> notModified(version, ifNoneMatch))
                .map(version -> notModifiedHeaders(version, "", cacheControl(), acceptEncoding));
    }

    /** The answer after reading the version from the database, building the snapshot if needed. */
    Response respond(String slug, String ifNoneMatch, String acceptEncoding) {
        ScheduleSnapshots.VersionRef version = snapshots.currentVersion(slug);
        if (notModified(version, ifNoneMatch)) {
            return notModifiedResponse(version, acceptEncoding);
        }
        return okResponse(snapshots.current(version), acceptEncoding);
    }

    /**
     * The same conditional GET for another format of the schedule: {@code format} tells its ETags apart
     * from the snapshot's, {@code render} makes (or takes from the snapshot's cache) its bytes at this version.
     */
    public Response respond(String slug, String format, MediaType type,
            Function<ScheduleSnapshots.Built, ScheduleSnapshots.Encoded> render, String ifNoneMatch,
            String acceptEncoding) {
        return respond(slug, format, type, cacheControl(), render, ifNoneMatch, acceptEncoding);
    }

    /** The same, for a format whose readers are told how long to reuse it in their own terms (calendars). */
    public Response respond(String slug, String format, MediaType type, String cacheControl,
            Function<ScheduleSnapshots.Built, ScheduleSnapshots.Encoded> render, String ifNoneMatch,
            String acceptEncoding) {
        ScheduleSnapshots.VersionRef version = snapshots.published(slug);
        if (notModified(version, format, ifNoneMatch)) {
            return notModifiedResponse(version, format, cacheControl, acceptEncoding);
        }
        ScheduleSnapshots.Built built = snapshots.current(version);
        boolean gzip = acceptsGzip(acceptEncoding);
        ScheduleSnapshots.Encoded body = render.apply(built);
        return encoded(Response.ok(gzip ? body.gzipped() : body.plain(), type),
                etag(built.eventId(), built.scheduleVersion(), format, gzip), cacheControl, gzip);
    }

    /**
     * The same conditional GET for a live document a feature keeps in memory, outside the schedule's versions:
     * its strong entity tag is {@code tag}, which the feature makes from the document's bytes, so an unchanged
     * document keeps its tag however often it is rebuilt, and on every replica.
     */
    public static Response respond(ScheduleSnapshots.Encoded body, String tag, String cacheControl, String ifNoneMatch,
            String acceptEncoding) {
        Optional<Map<String, String>> notModified = notModified(tag, cacheControl, ifNoneMatch, acceptEncoding);
        if (notModified.isPresent()) {
            var response = Response.notModified();
            notModified.get().forEach(response::header);
            return response.build();
        }
        boolean gzip = acceptsGzip(acceptEncoding);
        return encoded(Response.ok(gzip ? body.gzipped() : body.plain(), MediaType.APPLICATION_JSON_TYPE),
                "\"" + tag + (gzip ? "-gzip" : "") + "\"", cacheControl, gzip);
    }

    /** The 304's headers when If-None-Match names the document tagged {@code tag} (in either coding); else empty. */
    public static Optional<Map<String, String>> notModified(String tag, String cacheControl, String ifNoneMatch,
            String acceptEncoding) {
        String plainTag = "\"" + tag + "\"";
        String gzipTag = "\"" + tag + "-gzip\"";
        if (!matches(ifNoneMatch, plainTag, gzipTag)) {
            return Optional.empty();
        }
        return Optional.of(Map.of(HttpHeaders.ETAG, acceptsGzip(acceptEncoding) ? gzipTag : plainTag,
                HttpHeaders.CACHE_CONTROL, cacheControl, HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING));
    }

    /** What a public per-event document answers from memory to an If-None-Match: the 304's headers, or empty. */
    public interface MemoryRevalidation {
        Optional<Map<String, String>> notModified(String slug, String ifNoneMatch, String acceptEncoding);
    }

    /**
     * Answers conditional GETs of a public per-event document ({@code path} names the event as {@code :slug}) with
     * a 304 before the REST layer whenever memory knows the answer; everything else passes through to the endpoint.
     * The route runs right after CORS (Quarkus orders its filters at minus their priority), so browser clients
     * still get their CORS headers, and before authentication and the REST layer's per-request matching of the
     * URI template for metrics: a public 304 needs neither, and that matching cost a quarter of its CPU.
     */
    public static void revalidateFromMemory(Router router, String path, MemoryRevalidation memory) {
        router.get(path).order(AFTER_CORS).handler(context -> {
            String ifNoneMatch = context.request().getHeader(HttpHeaders.IF_NONE_MATCH);
            if (ifNoneMatch == null) {
                context.next();
                return;
            }
            memory.notModified(context.pathParam("slug"), ifNoneMatch,
                    context.request().getHeader(HttpHeaders.ACCEPT_ENCODING))
                    .ifPresentOrElse(headers -> {
                        headers.forEach(context.response()::putHeader);
                        context.response().setStatusCode(304).end();
                    }, context::next);
        });
    }

    private Response notModifiedResponse(ScheduleSnapshots.VersionRef version, String acceptEncoding) {
        return notModifiedResponse(version, "", cacheControl(), acceptEncoding);
    }

    private Response notModifiedResponse(ScheduleSnapshots.VersionRef version, String format, String cacheControl,
            String acceptEncoding) {
        var response = Response.notModified();
        notModifiedHeaders(version, format, cacheControl, acceptEncoding).forEach(response::header);
        return response.build();
    }

    private Map<String, String> notModifiedHeaders(ScheduleSnapshots.VersionRef version, String format,
            String cacheControl, String acceptEncoding) {
        return Map.of(HttpHeaders.ETAG, etag(version.id(), version.scheduleVersion(), format, acceptsGzip(acceptEncoding)),
                HttpHeaders.CACHE_CONTROL, cacheControl,
                HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    }

    private Response okResponse(ScheduleSnapshots.Built built, String acceptEncoding) {
        boolean gzip = acceptsGzip(acceptEncoding);
        return encoded(Response.ok(gzip ? built.gzipped() : built.json(), MediaType.APPLICATION_JSON_TYPE),
                etag(built.eventId(), built.scheduleVersion(), "", gzip), cacheControl(), gzip);
    }

    private static Response encoded(Response.ResponseBuilder ok, String etag, String cacheControl, boolean gzip) {
        var response = ok.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (gzip) {
            response.header("Content-Encoding", "gzip");
        }
        return response.build();
    }

    /** RFC 9110 8.8.3: a strong validator differs per content coding, so the gzip body has its own. */
    private static String etag(long eventId, long scheduleVersion, String format, boolean gzip) {
        return "\"s" + eventId + "v" + scheduleVersion + (format.isEmpty() ? "" : "-" + format) + (gzip ? "-gzip" : "") + "\"";
    }

    private String cacheControl() {
        return "public, max-age=" + config.cacheMaxAge().toSeconds();
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        return acceptEncoding != null && Arrays.stream(acceptEncoding.split(","))
                .map(String::strip)
                .anyMatch(coding -> coding.equals("gzip") || (coding.startsWith("gzip;") && !coding.matches("gzip;\\s*q=0(\\.0*)?")));
    }

    /** RFC 9110 13.1.2: If-None-Match uses weak comparison, so W/ prefixes and either coding's tag match. */
    private static boolean notModified(ScheduleSnapshots.VersionRef version, String ifNoneMatch) {
        return notModified(version, "", ifNoneMatch);
    }

    private static boolean notModified(ScheduleSnapshots.VersionRef version, String format, String ifNoneMatch) {
        return matches(ifNoneMatch, etag(version.id(), version.scheduleVersion(), format, false),
                etag(version.id(), version.scheduleVersion(), format, true));
    }

    /** Whether If-None-Match names one of these entity tags, or any ("*"), by weak comparison (RFC 9110 13.1.2). */
    public static boolean matches(String ifNoneMatch, String... etags) {
        if (ifNoneMatch == null) {
            return false;
        }
        // Loops rather than streams: every app's poll passes here.
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = opaque(candidate.strip());
            if (tag.equals("*")) {
                return true;
            }
            for (String etag : etags) {
                if (tag.equals(opaque(etag))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }
}
