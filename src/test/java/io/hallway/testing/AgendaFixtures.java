package io.hallway.testing;

import java.util.HashMap;
import java.util.Map;

import io.hallway.testing.Api;
import io.restassured.path.json.JsonPath;

/** Schedule edits the agenda tests make after the fact, through the organizer API. */
public final class AgendaFixtures {

    private AgendaFixtures() {
    }

    /** Changes some fields of a session and keeps the rest as they are. */
    public static JsonPath updateSession(String slug, long id, Map<String, Object> changes) {
        JsonPath current = Api.organizer().get("/api/admin/events/" + slug + "/sessions/" + id).then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> body = new HashMap<>();
        body.put("kind", current.getString("kind"));
        body.put("title", current.getString("title"));
        body.put("roomId", current.get("roomId"));
        if (current.get("blockId") == null) {
            body.put("startsAt", current.getString("startsAt"));
            body.put("endsAt", current.getString("endsAt"));
        }
        body.put("speakerIds", current.getList("speakers.id"));
        body.put("status", current.getString("status"));
        body.put("version", current.getLong("version"));
        body.putAll(changes);
        return Api.organizer().body(body).put("/api/admin/events/" + slug + "/sessions/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    public static void deleteSession(String slug, long id) {
        Api.organizer().delete("/api/admin/events/" + slug + "/sessions/" + id).then().statusCode(204);
    }

    public static void renameSpeaker(String slug, long id, String name) {
        long version = Api.organizer().get("/api/admin/events/" + slug + "/speakers/" + id).then().statusCode(200)
                .extract().jsonPath().getLong("version");
        Api.organizer().body(Map.of("name", name, "version", version))
                .put("/api/admin/events/" + slug + "/speakers/" + id).then().statusCode(200);
    }

    public static void bookmark(io.restassured.specification.RequestSpecification caller, String slug, long sessionId) {
        caller.put("/api/events/" + slug + "/agenda/sessions/" + sessionId).then().statusCode(204);
    }

    public static String cursor(String slug) {
        return Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(200).extract().jsonPath()
                .getString("cursor");
    }
}
