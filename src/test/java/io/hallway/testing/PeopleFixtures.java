package io.hallway.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Profiles, codes and connections made through the API, the way the app makes them. */
public final class PeopleFixtures {

    private PeopleFixtures() {
    }

    public static String profilePath(String slug) {
        return "/api/events/" + slug + "/me/profile";
    }

    public static String tokensPath(String slug) {
        return "/api/events/" + slug + "/me/exchange-tokens";
    }

    public static String connectionsPath(String slug) {
        return "/api/events/" + slug + "/connections";
    }

    /** A profile with every field filled in, "name" as display name, and the given visibilities. */
    public static Map<String, Object> fullProfile(String name, Map<String, String> visibility) {
        Map<String, Object> body = new HashMap<>();
        body.put("displayName", name);
        body.put("pronouns", "they/them");
        body.put("headline", name + " builds platforms");
        body.put("company", name + " Corp");
        body.put("bio", name + " likes long walks between talks.");
        body.put("interests", List.of("Kubernetes", "eBPF"));
        body.put("links", List.of(Map.of("type", "github", "url", "https://github.com/" + name.toLowerCase()),
                Map.of("type", "website", "url", "https://" + name.toLowerCase() + ".example")));
        body.put("photoUrl", "https://img.example/" + name.toLowerCase() + ".jpg");
        body.put("email", name.toLowerCase() + "@mail.example");
        body.put("phone", "+1 801 555 0100");
        body.put("visibility", visibility);
        return body;
    }

    public static long saveProfile(String token, String slug, Map<String, Object> body) {
        Response response = Api.as(token).body(body).put(profilePath(slug));
        response.then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
        return response.jsonPath().getLong("id");
    }

    /** A profile with the private defaults: only the name and company are set. */
    public static long profile(String token, String slug, String name) {
        return saveProfile(token, slug, Map.of("displayName", name, "company", name + " Corp"));
    }

    public static JsonPath issue(String token, String slug) {
        return Api.as(token).post(tokensPath(slug)).then().statusCode(201).extract().jsonPath();
    }

    public static Response scan(String scannerToken, String slug, String code) {
        return Api.as(scannerToken).body(Map.of("token", code)).post(connectionsPath(slug));
    }

    /** The owner shows a code, the scanner scans it; returns the connection id. */
    public static long connect(String slug, String ownerToken, String scannerToken) {
        String code = issue(ownerToken, slug).getString("token");
        return scan(scannerToken, slug, code).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The subject of a bearer token, which the server keys the person on together with the issuer. */
    public static String subject(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getString("sub");
    }
}
