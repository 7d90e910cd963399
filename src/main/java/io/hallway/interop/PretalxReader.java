package io.hallway.interop;

import static io.hallway.interop.DocumentFields.*;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.hallway.schedule.SessionKind;
import io.hallway.schedule.SessionStatus;

/**
 * Reads a frab-style schedule JSON as pretalx exports it (schema: c3voc schedule.schema.json):
 * schedule.conference.days[].rooms{name: [events]}. Event times carry their offset; the duration is
 * HH:MM. Rooms and tracks are known by name, sessions by guid, speakers by code (or guid, id, name).
 */
final class PretalxReader {

    private final Map<String, ImportDocument.RoomItem> rooms = new LinkedHashMap<>();
    private final Map<String, ImportDocument.TrackItem> tracks = new LinkedHashMap<>();
    private final Map<String, ImportDocument.SpeakerItem> speakers = new LinkedHashMap<>();
    private final Map<String, ImportDocument.SessionItem> sessions = new LinkedHashMap<>();

    ImportDocument read(JsonNode root) {
        if (!root.isObject()) {
            throw malformed("", "must be a frab/pretalx schedule object with a \"schedule\" member");
        }
        JsonNode conference = object(object(root, "schedule", ""), "conference", "/schedule");
        JsonNode roomList = array(conference, "rooms", "/schedule/conference", false);
        for (int r = 0; r < roomList.size(); r++) {
            String name = requiredText(roomList.get(r), "name", at("/schedule/conference/rooms", r));
            rooms.putIfAbsent(name, new ImportDocument.RoomItem(name, name));
        }
        JsonNode days = array(conference, "days", "/schedule/conference", true);
        for (int d = 0; d < days.size(); d++) {
            String dayPointer = at("/schedule/conference/days", d);
            JsonNode dayRooms = object(days.get(d), "rooms", dayPointer);
            for (Iterator<Map.Entry<String, JsonNode>> it = dayRooms.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> room = it.next();
                String roomPointer = at(at(dayPointer, "rooms"), room.getKey());
                if (!room.getValue().isArray()) {
                    throw malformed(roomPointer, "must be an array of events");
                }
                String roomName = room.getKey().isBlank() ? null : room.getKey().strip();
                if (roomName != null) {
                    rooms.putIfAbsent(roomName, new ImportDocument.RoomItem(roomName, roomName));
                }
                for (int e = 0; e < room.getValue().size(); e++) {
                    event(room.getValue().get(e), at(roomPointer, e), roomName);
                }
            }
        }
        return new ImportDocument(List.copyOf(rooms.values()), List.copyOf(tracks.values()),
                List.copyOf(speakers.values()), List.copyOf(sessions.values()), List.of());
    }

    private void event(JsonNode node, String pointer, String room) {
        if (!node.isObject()) {
            throw malformed(pointer, "must be an event object");
        }
        String guidText = requiredText(node, "guid", pointer);
        UUID guid;
        try {
            guid = UUID.fromString(guidText);
        } catch (IllegalArgumentException e) {
            throw malformed(at(pointer, "guid"), "must be a UUID, not \"" + guidText + "\"");
        }
        if (sessions.containsKey(guidText)) {
            throw malformed(at(pointer, "guid"), "event " + guidText + " appears twice");
        }
        String title = requiredText(node, "title", pointer);
        String date = requiredText(node, "date", pointer);
        Instant startsAt;
        try {
            startsAt = OffsetDateTime.parse(date).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed(at(pointer, "date"), "must be a date-time with offset such as 2020-12-14T09:00:00+01:00, not \"" + date + "\"");
        }
        Instant endsAt = startsAt.plus(duration(node, pointer));
        String track = text(node, "track", pointer);
        if (track != null) {
            tracks.putIfAbsent(track, new ImportDocument.TrackItem(track, track));
        }
        List<String> persons = new ArrayList<>();
        JsonNode personNodes = array(node, "persons", pointer, false);
        for (int p = 0; p < personNodes.size(); p++) {
            String id = person(personNodes.get(p), at(at(pointer, "persons"), p));
            if (!persons.contains(id)) {
                persons.add(id);
            }
        }
        SessionKind kind = kind(text(node, "type", pointer));
        String video = null;
        JsonNode links = array(node, "links", pointer, false);
        for (int l = 0; l < links.size() && video == null; l++) {
            if ("media".equals(text(links.get(l), "type", at(at(pointer, "links"), l)))) {
                video = webLink(links.get(l), "url", at(at(pointer, "links"), l));
            }
        }
        String abstractText = String.join("\n\n", java.util.stream.Stream.of(text(node, "abstract", pointer),
                text(node, "description", pointer)).filter(t -> t != null).toList());
        sessions.put(guidText, new ImportDocument.SessionItem(guidText, guid, kind, title,
                abstractText.isEmpty() ? null : abstractText, text(node, "language", pointer), null, List.of(), track,
                room, startsAt, endsAt, SessionStatus.SCHEDULED, persons, video,
                kind == SessionKind.LIGHTNING_TALK ? "Lightning talks" : null));
    }

    private static Duration duration(JsonNode node, String pointer) {
        String value = requiredText(node, "duration", pointer);
        if (!value.matches("\\d{1,3}:[0-5]\\d(:[0-5]\\d)?")) {
            throw malformed(at(pointer, "duration"), "must be hours and minutes such as 00:30, not \"" + value + "\"");
        }
        String[] parts = value.split(":");
        Duration duration = Duration.ofHours(Long.parseLong(parts[0])).plusMinutes(Long.parseLong(parts[1]))
                .plusSeconds(parts.length > 2 ? Long.parseLong(parts[2]) : 0);
        if (duration.isZero()) {
            throw malformed(at(pointer, "duration"), "must be longer than zero");
        }
        return duration;
    }

    /** The person's source id; the first time a person appears, they are added as a speaker. */
    private String person(JsonNode node, String pointer) {
        if (!node.isObject()) {
            throw malformed(pointer, "must be a person object");
        }
        String name = text(node, "name", pointer);
        if (name == null) {
            name = requiredText(node, "public_name", pointer);
        }
        String id = text(node, "code", pointer);
        if (id == null) {
            id = text(node, "guid", pointer);
        }
        if (id == null) {
            id = id(node, "id", pointer);
        }
        if (id == null) {
            id = name;
        }
        speakers.putIfAbsent(id, new ImportDocument.SpeakerItem(id, name, null, text(node, "biography", pointer),
                webLink(node, "avatar", pointer), List.of()));
        return id;
    }

    private static SessionKind kind(String type) {
        String value = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (value.contains("lightning")) {
            return SessionKind.LIGHTNING_TALK;
        }
        for (SessionKind kind : List.of(SessionKind.KEYNOTE, SessionKind.PANEL, SessionKind.WORKSHOP,
                SessionKind.BREAK, SessionKind.SOCIAL)) {
            if (value.contains(kind.wireName())) {
                return kind;
            }
        }
        return value.matches(".*\\b(pause|lunch|coffee)\\b.*") ? SessionKind.BREAK : SessionKind.TALK;
    }
}
