package io.hallway.schedule;

import java.util.Arrays;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Conditional GET for schedule documents: a strong ETag per schedule version and content coding,
 * 304 without a body when the client already has it, the pre-compressed body when it accepts gzip.
 */
@ApplicationScoped
public class ScheduleHttpCaching {

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    ScheduleConfig config;

    Response respond(ScheduleSnapshots.VersionRef version, String ifNoneMatch, String acceptEncoding) {
        return respond(version, "", MediaType.APPLICATION_JSON_TYPE,
                built -> new ScheduleSnapshots.Encoded(built.json(), built.gzipped()), ifNoneMatch, acceptEncoding);
    }

    /**
     * The same conditional GET for another format of the schedule: {@code format} tells its ETags apart
     * from the snapshot's, {@code render} makes (or takes from the cache) its bytes at this version.
     */
    public Response respond(ScheduleSnapshots.VersionRef version, String format, MediaType type,
            Function<ScheduleSnapshots.Built, ScheduleSnapshots.Encoded> render, String ifNoneMatch,
            String acceptEncoding) {
        String tag = "s" + version.id() + "v" + version.scheduleVersion() + (format.isEmpty() ? "" : "-" + format);
        String etag = "\"" + tag + "\"";
        String gzipEtag = "\"" + tag + "-gzip\"";
        boolean gzip = acceptsGzip(acceptEncoding);
        if (matches(ifNoneMatch, etag, gzipEtag)) {
            return Response.notModified().header(HttpHeaders.ETAG, gzip ? gzipEtag : etag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl())
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
        }
        ScheduleSnapshots.Encoded body = render.apply(snapshots.current(version));
        var response = Response.ok(gzip ? body.gzipped() : body.plain(), type)
                .header(HttpHeaders.ETAG, gzip ? gzipEtag : etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (gzip) {
            response.header("Content-Encoding", "gzip");
        }
        return response.build();
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
    private static boolean matches(String ifNoneMatch, String... current) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            for (String etag : current) {
                if (tag.equals(etag)) {
                    return true;
                }
            }
        }
        return false;
    }
}
