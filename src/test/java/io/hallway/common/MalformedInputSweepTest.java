package io.hallway.common;

import static io.hallway.testing.ScheduleFixtures.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walks every operation of the served contract with malformed input, as anyone, with a garbage token, as an
 * attendee and as an organizer: no answer may be a 5xx, and every 4xx must be problem+json.
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MalformedInputSweepTest {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** Segments that are not legal in a URI once decoded, out of range, or odd in other ways. */
    private static final List<String> BAD_SEGMENTS = List.of("%00", "a%20b", "a%0Ab", "%7F", "%FF%FE", "%C3%A9",
            "%25", "%2F", "..", "-1", "0", "99999999999999999999", "1e9", "x".repeat(600));
    private static final List<String> BAD_QUERY_VALUES = List.of("abc", "-1", "99999999999999999999", "%00", "",
            "2147483647", "1e9", "%FF", "a%20b", "x".repeat(2000));
    private static final List<String> BAD_BODIES = List.of("{", "[]", "null", "\"text\"", "12",
            "{\"unknownField\": 1}", "{\"name\": {\"nested\": []}, \"version\": \"x\"}",
            "[".repeat(5_000) + "]".repeat(5_000),
            "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
            "{\"name\": \"" + "x".repeat(900_000) + "\"}",
            "{\"name\": \"a\u0000b\", \"title\": \"\u0000\", \"slug\": \"a\u0000\"}");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();
    private final TreeSet<Integer> statusesSeen = new TreeSet<>();
    private int requests;

    @Test
    @SuppressWarnings("unchecked")
    void no_malformed_request_to_any_operation_gets_a_5xx_or_a_4xx_without_a_problem() throws Exception {
        Map<String, String> goodValues = aSmallEvent();
        Map<String, Map<String, Map<String, Object>>> paths = Api.anonymous().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("garbage token", "not.a.jwt");
        callers.put("attendee", Tokens.attendee());
        callers.put("organizer", Tokens.organizer());

        paths.forEach((template, operations) -> operations.forEach((method, operation) -> {
            List<String> queryParameters = new ArrayList<>();
            for (Map<String, Object> parameter : (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())) {
                if ("query".equals(parameter.get("in"))) {
                    queryParameters.add((String) parameter.get("name"));
                }
            }
            boolean takesBody = operation.containsKey("requestBody");
            callers.forEach((caller, token) -> sweep(method.toUpperCase(), template, goodValues, queryParameters,
                    takesBody, caller, token));
        }));

        assertTrue(requests > 1_000, "the sweep sent " + requests + " requests");
        assertTrue(failures.isEmpty(), failures.size() + " of " + requests + " requests (statuses seen " + statusesSeen
                + "):\n" + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
    }

    private void sweep(String method, String template, Map<String, String> goodValues, List<String> queryParameters,
            boolean takesBody, String caller, String token) {
        List<String> parameters = new ArrayList<>();
        Matcher names = PATH_PARAMETER.matcher(template);
        while (names.find()) {
            parameters.add(names.group(1));
        }
        // A DELETE with good values would remove what the rest of the sweep walks through.
        boolean harmless = !method.equals("DELETE");
        if (harmless) {
            send(method, fill(template, goodValues, null, null), takesBody ? "{}" : null, caller, token);
        }
        for (String parameter : parameters) {
            for (String bad : BAD_SEGMENTS) {
                send(method, fill(template, goodValues, parameter, bad), takesBody ? "{}" : null, caller, token);
            }
        }
        if (harmless) {
            String path = fill(template, goodValues, null, null);
            for (String parameter : queryParameters) {
                for (String bad : BAD_QUERY_VALUES) {
                    send(method, path + "?" + parameter + "=" + bad, takesBody ? "{}" : null, caller, token);
                }
            }
            if (takesBody) {
                for (String body : BAD_BODIES) {
                    send(method, path, body, caller, token);
                }
            }
        }
    }

    private static String fill(String template, Map<String, String> goodValues, String badParameter, String bad) {
        StringBuilder path = new StringBuilder();
        Matcher names = PATH_PARAMETER.matcher(template);
        while (names.find()) {
            String name = names.group(1);
            String value = name.equals(badParameter) ? bad : goodValue(template, names.start(), name, goodValues);
            names.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        names.appendTail(path);
        return path.toString();
    }

    /** An id of the kind the path names it after ("/rooms/{id}" is a room), so good values reach real rows. */
    private static String goodValue(String template, int at, String name, Map<String, String> goodValues) {
        String before = template.substring(0, at);
        String collection = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
        return goodValues.getOrDefault(collection + "/" + name, goodValues.getOrDefault(name, "1"));
    }

    private void send(String method, String path, String body, String caller, String token) {
        requests++;
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create("http://localhost:" + Api.port() + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        } catch (IllegalArgumentException notAUri) {
            failures.add("the sweep built an invalid URI: " + path);
            return;
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            statusesSeen.add(status);
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 500 || (status >= 400 && !type.startsWith("application/problem+json"))) {
                failures.add(status + " " + type + " " + method + " " + abbreviated(path) + " as " + caller
                        + (body == null ? "" : " body " + abbreviated(body)) + " -> " + abbreviated(response.body()));
            }
        } catch (IOException | InterruptedException e) {
            failures.add("no answer: " + method + " " + abbreviated(path) + " as " + caller + ": " + e);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…(" + text.length() + ")" : text;
    }

    /** One event with a room, track, speaker, talk, lightning block and a bookmark, so good values find rows. */
    private static Map<String, String> aSmallEvent() {
        String slug = newEvent("sweep");
        long room = room(slug, "Theater", 100);
        long track = track(slug, "Cloud");
        long speaker = speaker(slug, "Kim");
        long session = create(slug, talk("Talk", room, "10:00", "10:30", speaker)).getLong("id");
        long block = block(slug, "Lightning", room, "11:00", "11:10");
        lightningTalk(slug, block, "Spark", speaker);
        Api.attendee().put("/api/events/" + slug + "/agenda/sessions/" + session).then().statusCode(204);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("slug", slug);
        values.put("rooms/id", Long.toString(room));
        values.put("tracks/id", Long.toString(track));
        values.put("speakers/id", Long.toString(speaker));
        values.put("sessions/id", Long.toString(session));
        values.put("blocks/id", Long.toString(block));
        return values;
    }
}
