package io.hallway.testing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;

/**
 * Builds schedule data through the organizer API, the way an organizer would, so each test owns its
 * data. Every event gets a fresh slug; nothing depends on rows another test made.
 */
public final class ScheduleFixtures {

    /** The demo-like day used by the tests: Sunday 2024-11-10 in Salt Lake City (UTC-07:00). */
    public static final String DAY = "2024-11-10";
    public static final String ZONE = "America/Denver";

    private ScheduleFixtures() {
    }

    public static String at(String clock) {
        return DAY + "T" + clock + ":00-07:00";
    }

    public static String newEvent(String prefix) {
        return newEvent(prefix, ZONE, DAY, DAY);
    }

    /** A published event on other days or in another zone than the tests' usual day. */
    public static String newEvent(String prefix, String zone, String startDate, String endDate) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.organizer().body(Map.of("slug", slug, "name", "Test " + prefix, "timeZone", zone, "startDate", startDate,
                "endDate", endDate, "published", true))
                .post("/api/admin/events").then().statusCode(201);
        return slug;
    }

    public static long room(String slug, String name, Integer capacity) {
        var body = new java.util.HashMap<String, Object>(Map.of("name", name));
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        return Api.organizer().body(body).post("/api/admin/events/" + slug + "/rooms")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A room on a level of the venue, by the level's name. */
    public static long roomOnLevel(String slug, String name, String levelName) {
        return Api.organizer().body(Map.of("name", name, "levelName", levelName))
                .post("/api/admin/events/" + slug + "/rooms").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long track(String slug, String name) {
        return Api.organizer().body(Map.of("name", name)).post("/api/admin/events/" + slug + "/tracks")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long speaker(String slug, String name) {
        return Api.organizer().body(Map.of("name", name)).post("/api/admin/events/" + slug + "/speakers")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static Map<String, Object> talk(String title, long roomId, String from, String to, Long... speakerIds) {
        return session("talk", title, roomId, from, to, speakerIds);
    }

    public static Map<String, Object> session(String kind, String title, Long roomId, String from, String to,
            Long... speakerIds) {
        var body = new java.util.HashMap<String, Object>();
        body.put("kind", kind);
        body.put("title", title);
        if (roomId != null) {
            body.put("roomId", roomId);
        }
        body.put("startsAt", at(from));
        body.put("endsAt", at(to));
        body.put("speakerIds", List.of(speakerIds));
        return body;
    }

    public static JsonPath create(String slug, Map<String, Object> session) {
        return Api.organizer().body(session).post("/api/admin/events/" + slug + "/sessions")
                .then().statusCode(201).extract().jsonPath();
    }

    public static long block(String slug, String title, long roomId, String from, String to) {
        return Api.organizer().body(Map.of("title", title, "roomId", roomId, "startsAt", at(from), "endsAt", at(to)))
                .post("/api/admin/events/" + slug + "/blocks").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long lightningTalk(String slug, long blockId, String title, Long... speakerIds) {
        return Api.organizer().body(Map.of("kind", "lightning-talk", "title", title, "speakerIds", List.of(speakerIds)))
                .post("/api/admin/events/" + slug + "/blocks/" + blockId + "/talks")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Sets an event's release mode through the event update, keeping everything else as it is. */
    public static io.restassured.response.ValidatableResponse releaseMode(String slug, String mode) {
        JsonPath event = Api.organizer().get("/api/admin/events/" + slug).then().statusCode(200).extract().jsonPath();
        var body = new java.util.HashMap<String, Object>();
        for (String field : List.of("slug", "name", "timeZone", "startDate", "endDate", "published", "version")) {
            body.put(field, event.get(field));
        }
        body.put("releaseMode", mode);
        return Api.organizer().body(body).put("/api/admin/events/" + slug).then();
    }

    /** Releases the draft of an event in manual mode. */
    public static io.restassured.response.ValidatableResponse release(String slug, String name, String comment) {
        var body = new java.util.HashMap<String, Object>(Map.of("name", name));
        if (comment != null) {
            body.put("comment", comment);
        }
        return Api.organizer().body(body).post("/api/admin/events/" + slug + "/releases").then();
    }

    public static long scheduleVersion(String slug) {
        return Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(200).extract().jsonPath()
                .getLong("scheduleVersion");
    }
}
