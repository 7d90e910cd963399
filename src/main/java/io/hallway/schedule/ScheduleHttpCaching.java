package io.hallway.schedule;

import java.util.Arrays;

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
        String etag = "\"s" + version.id() + "v" + version.scheduleVersion() + "\"";
        String gzipEtag = "\"s" + version.id() + "v" + version.scheduleVersion() + "-gzip\"";
        boolean gzip = acceptsGzip(acceptEncoding);
        if (matches(ifNoneMatch, etag, gzipEtag)) {
            return Response.notModified().header(HttpHeaders.ETAG, gzip ? gzipEtag : etag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl())
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
        }
        ScheduleSnapshots.Built built = snapshots.current(version);
        var response = Response.ok(gzip ? built.gzipped() : built.json(), MediaType.APPLICATION_JSON_TYPE)
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
