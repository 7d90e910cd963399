package io.hallway.interop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Sessionize "All data" document for the tests, built from the fields Sessionize documents
 * (sessions, speakers, questions, categories, rooms). Times are wall-clock on the fixtures' day.
 */
final class SessionizeDocument {

    final List<Map<String, Object>> sessions = new ArrayList<>();
    final List<Map<String, Object>> speakers = new ArrayList<>();
    final List<Map<String, Object>> rooms = new ArrayList<>();
    final List<Map<String, Object>> categories = new ArrayList<>();

    /** Two rooms, four speakers, tracks/levels/formats/tags as categories, and a day with every kind of session. */
    static SessionizeDocument conference() {
        var doc = new SessionizeDocument();
        doc.rooms.add(Map.of("id", 101, "name", "Main Hall", "sort", 0));
        doc.rooms.add(Map.of("id", 102, "name", "Side Room", "sort", 1));
        doc.categories.add(category(1, "Track", item(11, "Cloud"), item(12, "Security")));
        doc.categories.add(category(2, "Level", item(21, "Beginner"), item(22, "Advanced")));
        doc.categories.add(category(3, "Session format", item(31, "Session"), item(32, "Workshop"), item(33, "Lightning talk")));
        doc.categories.add(category(4, "Tags", item(41, "eBPF"), item(42, "Supply chain")));
        doc.speaker("sp-ada", "Ada", "Lovelace");
        doc.speaker("sp-bo", "Bo", "Chen");
        doc.speaker("sp-cy", "Cy", "Diaz");
        doc.speaker("sp-di", "Di", "Evans");
        doc.session("s1", "Kubernetes at scale", "09:00", "09:30", 101, List.of("sp-ada"), List.of(11, 21, 31, 41));
        doc.session("s2", "Signing your supply chain", "09:00", "09:30", 102, List.of("sp-bo"), List.of(12, 22, 31, 42));
        doc.session("svc-coffee", "Coffee break", "09:30", "10:00", null, List.of(), List.of()).put("isServiceSession", true);
        doc.session("l1", "eBPF in five minutes", "10:00", "10:05", 101, List.of("sp-cy"), List.of(33));
        doc.session("l2", "YAML is fine", "10:05", "10:10", 101, List.of("sp-di"), List.of(33));
        doc.session("l3", "My first operator", "10:10", "10:15", 101, List.of("sp-ada"), List.of(33));
        doc.session("w1", "Hands-on policy as code", "10:00", "11:30", 102, List.of("sp-bo"), List.of(12, 32));
        doc.session("s3", "An idea still waiting for a slot", null, null, null, List.of("sp-cy"), List.of(31));
        return doc;
    }

    Map<String, Object> speaker(String id, String first, String last) {
        Map<String, Object> speaker = new LinkedHashMap<>();
        speaker.put("id", id);
        speaker.put("firstName", first);
        speaker.put("lastName", last);
        speaker.put("fullName", first + " " + last);
        speaker.put("bio", first + " builds platforms.");
        speaker.put("tagLine", "Engineer at " + last + " Labs");
        speaker.put("profilePicture", "https://sessionize.com/image/" + id + ".jpg");
        speaker.put("isTopSpeaker", false);
        speaker.put("links", List.of(Map.of("title", "X (Twitter)", "url", "https://x.com/" + id, "linkType", "Twitter")));
        speaker.put("sessions", List.of());
        speaker.put("categoryItems", List.of());
        speaker.put("questionAnswers", List.of());
        speakers.add(speaker);
        return speaker;
    }

    Map<String, Object> session(String id, String title, String from, String to, Integer roomId, List<String> speakerIds,
            List<Integer> categoryItems) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", id);
        session.put("title", title);
        session.put("description", "About " + title + ".");
        session.put("startsAt", from == null ? null : "2024-11-10T" + from + ":00");
        session.put("endsAt", to == null ? null : "2024-11-10T" + to + ":00");
        session.put("isServiceSession", false);
        session.put("isPlenumSession", false);
        session.put("speakers", speakerIds);
        session.put("categoryItems", categoryItems);
        session.put("questionAnswers", List.of());
        session.put("roomId", roomId);
        session.put("liveUrl", null);
        session.put("recordingUrl", null);
        session.put("status", "Accepted");
        session.put("isInformed", true);
        session.put("isConfirmed", true);
        sessions.add(session);
        return session;
    }

    Map<String, Object> session(String id) {
        return sessions.stream().filter(s -> s.get("id").equals(id)).findFirst().orElseThrow();
    }

    Map<String, Object> toMap() {
        Map<String, Object> doc = new HashMap<>();
        doc.put("sessions", sessions);
        doc.put("speakers", speakers);
        doc.put("questions", List.of());
        doc.put("categories", categories);
        doc.put("rooms", rooms);
        return doc;
    }

    private static Map<String, Object> category(int id, String title, Map<?, ?>... items) {
        return Map.of("id", id, "title", title, "items", List.of(items), "sort", id, "type", "session");
    }

    private static Map<String, Object> item(int id, String name) {
        return Map.of("id", id, "name", name, "sort", id);
    }
}
