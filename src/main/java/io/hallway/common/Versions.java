package io.hallway.common;

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

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
