package io.hallway.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Optimistic locking at the API edge: an update names the version it was based on, in an If-Match
 * header (the ETag of the GET) or in the body's "version" field. A stale one is a 409 and changes nothing.
 */
public final class Versions {

    private Versions() {
    }

    public static long expected(String ifMatch, Long bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            try {
                return Long.parseLong(tag.replace("\"", ""));
            } catch (NumberFormatException e) {
                throw Problem.of(ProblemType.INVALID_IF_MATCH,
                        "If-Match must be the ETag of the resource, such as \"3\".");
            }
        }
        if (bodyVersion == null) {
            throw Problem.of(ProblemType.VERSION_REQUIRED,
                    "Send the version you are changing, as an If-Match header or a \"version\" field.");
        }
        return bodyVersion;
    }

    public static void check(long expected, long actual, String what) {
        if (expected != actual) {
            throw Problem.of(ProblemType.STALE_VERSION, what + " is at version " + actual + ", not " + expected
                    + ": someone else changed it. Fetch it again and reapply your change.").with("currentVersion", actual);
        }
    }

    /** 200 with the body, and the version it was read at as its ETag: what If-Match sends back. */
    public static Response tagged(Object body, long version) {
        return Response.ok(body).header(HttpHeaders.ETAG, etag(version)).build();
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
