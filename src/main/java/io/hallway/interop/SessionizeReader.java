package io.hallway.interop;

import static io.hallway.interop.DocumentFields.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.hallway.schedule.SessionKind;
import io.hallway.schedule.SessionStatus;
import io.hallway.schedule.Speaker;

/**
 * Reads a Sessionize "All data" document (API view "All": sessions, speakers, questions, categories,
 * rooms). Sessionize writes session times as wall-clock times without offset, so they are read in the
 * event's time zone. Categories become the track, level, language and kind where their titles say so,
 * and tags otherwise.
 */
final class SessionizeReader {

    private record CategoryItem(String category, String name) {
    }

    private final ZoneId zone;
    private final Duration lightningLength;
    private final List<ImportReport.Skipped> skipped = new ArrayList<>();
    private final Map<String, CategoryItem> categoryItems = new HashMap<>();
    private final Map<String, ImportDocument.TrackItem> tracks = new LinkedHashMap<>();

    SessionizeReader(ZoneId zone, Duration lightningLength) {
        this.zone = zone;
        this.lightningLength = lightningLength;
    }

    ImportDocument read(JsonNode root) {
        if (!root.isObject()) {
            throw malformed("", "must be a Sessionize \"All data\" object with sessions, speakers and rooms");
        }
        JsonNode categories = array(root, "categories", "", false);
        for (int c = 0; c < categories.size(); c++) {
            String pointer = at("/categories", c);
            String title = requiredText(categories.get(c), "title", pointer);
            JsonNode items = array(categories.get(c), "items", pointer, false);
            for (int i = 0; i < items.size(); i++) {
                String itemPointer = at(at(pointer, "items"), i);
                categoryItems.put(requiredId(items.get(i), "id", itemPointer),
                        new CategoryItem(title.toLowerCase(Locale.ROOT), requiredText(items.get(i), "name", itemPointer)));
            }
        }
        List<ImportDocument.RoomItem> rooms = new ArrayList<>();
        JsonNode roomNodes = array(root, "rooms", "", true);
        for (int r = 0; r < roomNodes.size(); r++) {
            String pointer = at("/rooms", r);
            String id = requiredId(roomNodes.get(r), "id", pointer);
            if (rooms.stream().anyMatch(room -> room.sourceId().equals(id))) {
                throw malformed(at(pointer, "id"), "room " + id + " appears twice");
            }
            rooms.add(new ImportDocument.RoomItem(id, requiredText(roomNodes.get(r), "name", pointer)));
        }
        List<ImportDocument.SpeakerItem> speakers = new ArrayList<>();
        JsonNode speakerNodes = array(root, "speakers", "", true);
        for (int s = 0; s < speakerNodes.size(); s++) {
            ImportDocument.SpeakerItem speaker = speaker(speakerNodes.get(s), at("/speakers", s));
            if (speakers.stream().anyMatch(known -> known.sourceId().equals(speaker.sourceId()))) {
                throw malformed(at(at("/speakers", s), "id"), "speaker " + speaker.sourceId() + " appears twice");
            }
            speakers.add(speaker);
        }
        List<ImportDocument.SessionItem> sessions = new ArrayList<>();
        Set<String> sessionIds = new HashSet<>();
        Set<String> roomIds = new HashSet<>(rooms.stream().map(ImportDocument.RoomItem::sourceId).toList());
        Set<String> speakerIds = new HashSet<>(speakers.stream().map(ImportDocument.SpeakerItem::sourceId).toList());
        JsonNode sessionNodes = array(root, "sessions", "", true);
        for (int s = 0; s < sessionNodes.size(); s++) {
            String pointer = at("/sessions", s);
            String id = requiredId(sessionNodes.get(s), "id", pointer);
            if (!sessionIds.add(id)) {
                throw malformed(at(pointer, "id"), "session " + id + " appears twice");
            }
            ImportDocument.SessionItem session = session(sessionNodes.get(s), pointer, id, roomIds, speakerIds);
            if (session != null) {
                sessions.add(session);
            }
        }
        return new ImportDocument(rooms, List.copyOf(tracks.values()), speakers, sessions, skipped);
    }

    private ImportDocument.SpeakerItem speaker(JsonNode node, String pointer) {
        String id = requiredId(node, "id", pointer);
        String name = text(node, "fullName", pointer);
        if (name == null) {
            String first = text(node, "firstName", pointer);
            String last = text(node, "lastName", pointer);
            name = String.join(" ", java.util.stream.Stream.of(first, last).filter(p -> p != null).toList());
        }
        if (name.isBlank()) {
            throw malformed(at(pointer, "fullName"), "a speaker needs a fullName or firstName and lastName");
        }
        List<Speaker.Link> links = new ArrayList<>();
        JsonNode linkNodes = array(node, "links", pointer, false);
        for (int l = 0; l < linkNodes.size(); l++) {
            String linkPointer = at(at(pointer, "links"), l);
            String url = webLink(linkNodes.get(l), "url", linkPointer);
            String title = text(linkNodes.get(l), "title", linkPointer);
            if (url != null) {
                links.add(new Speaker.Link(title != null ? title : text(linkNodes.get(l), "linkType", linkPointer), url));
            }
        }
        return new ImportDocument.SpeakerItem(id, name, text(node, "tagLine", pointer), text(node, "bio", pointer),
                webLink(node, "profilePicture", pointer), links);
    }

    private ImportDocument.SessionItem session(JsonNode node, String pointer, String id, Set<String> roomIds,
            Set<String> speakerIds) {
        String title = requiredText(node, "title", pointer);
        String roomId = id(node, "roomId", pointer);
        if (roomId != null && !roomIds.contains(roomId)) {
            throw malformed(at(pointer, "roomId"), "no room " + roomId + " in /rooms");
        }
        List<String> speakers = new ArrayList<>();
        JsonNode speakerNodes = array(node, "speakers", pointer, false);
        for (int s = 0; s < speakerNodes.size(); s++) {
            String speakerPointer = at(at(pointer, "speakers"), s);
            JsonNode ref = speakerNodes.get(s);
            // "All data" lists speaker ids; other Sessionize views list {id, name} objects.
            String speakerId = ref.isObject() ? requiredId(ref, "id", speakerPointer)
                    : ref.isTextual() || ref.isIntegralNumber() ? ref.asText() : null;
            if (speakerId == null || !speakerIds.contains(speakerId)) {
                throw malformed(speakerPointer, speakerId == null ? "must be a speaker id" : "no speaker " + speakerId + " in /speakers");
            }
            speakers.add(speakerId);
        }
        List<CategoryItem> categories = new ArrayList<>();
        JsonNode itemNodes = array(node, "categoryItems", pointer, false);
        for (int c = 0; c < itemNodes.size(); c++) {
            String itemId = itemNodes.get(c).isIntegralNumber() || itemNodes.get(c).isTextual() ? itemNodes.get(c).asText() : null;
            CategoryItem item = itemId == null ? null : categoryItems.get(itemId);
            if (item == null) {
                throw malformed(at(at(pointer, "categoryItems"), c), "no category item " + itemNodes.get(c) + " in /categories");
            }
            categories.add(item);
        }
        Instant startsAt = localTime(node, "startsAt", pointer);
        if (startsAt == null) {
            skipped.add(new ImportReport.Skipped("session", id, title, "not scheduled at the source (no startsAt)"));
            return null;
        }
        Instant endsAt = localTime(node, "endsAt", pointer);
        if (endsAt == null) {
            throw malformed(at(pointer, "endsAt"), "is required when startsAt is set");
        }
        String status = text(node, "status", pointer);
        SessionStatus sessionStatus = SessionStatus.SCHEDULED;
        if (status != null && status.toLowerCase(Locale.ROOT).startsWith("cancel")) {
            sessionStatus = SessionStatus.CANCELLED;
        } else if (status != null && !status.equalsIgnoreCase("accepted") && !status.equalsIgnoreCase("confirmed")) {
            skipped.add(new ImportReport.Skipped("session", id, title, "status at the source is " + status));
            return null;
        }
        SessionKind kind = kind(node, pointer, categories, Duration.between(startsAt, endsAt));
        String track = null;
        String level = null;
        String language = null;
        List<String> tags = new ArrayList<>();
        for (CategoryItem item : categories) {
            if (item.category().contains("track") && track == null) {
                track = item.name();
                tracks.putIfAbsent(track, new ImportDocument.TrackItem(track, track));
            } else if (item.category().contains("level") && level == null) {
                level = item.name();
            } else if (item.category().contains("language") && language == null) {
                language = item.name();
            } else if (!isFormat(item)) {
                tags.add(item.name());
            }
        }
        String video = webLink(node, "recordingUrl", pointer);
        return new ImportDocument.SessionItem(id, null, kind, title, text(node, "description", pointer), language,
                level, tags, track, roomId, startsAt, endsAt, sessionStatus, speakers,
                video != null ? video : webLink(node, "liveUrl", pointer),
                kind == SessionKind.LIGHTNING_TALK ? blockTitle(categories) : null);
    }

    private SessionKind kind(JsonNode node, String pointer, List<CategoryItem> categories, Duration length) {
        if (flag(node, "isServiceSession", pointer)) {
            String title = node.get("title").asText().toLowerCase(Locale.ROOT);
            return title.matches(".*\\b(party|social|reception|dinner|drinks)\\b.*") ? SessionKind.SOCIAL : SessionKind.BREAK;
        }
        if (categories.stream().anyMatch(c -> c.name().toLowerCase(Locale.ROOT).contains("lightning"))) {
            return SessionKind.LIGHTNING_TALK;
        }
        for (CategoryItem item : categories) {
            if (isFormat(item)) {
                String format = item.name().toLowerCase(Locale.ROOT);
                for (SessionKind kind : List.of(SessionKind.KEYNOTE, SessionKind.PANEL, SessionKind.WORKSHOP)) {
                    if (format.contains(kind.wireName())) {
                        return kind;
                    }
                }
            }
        }
        if (length.equals(lightningLength)) {
            return SessionKind.LIGHTNING_TALK;
        }
        return flag(node, "isPlenumSession", pointer) ? SessionKind.KEYNOTE : SessionKind.TALK;
    }

    private static boolean isFormat(CategoryItem item) {
        return item.category().contains("format") || item.category().contains("type");
    }

    private static String blockTitle(List<CategoryItem> categories) {
        return categories.stream().map(CategoryItem::name).filter(n -> n.toLowerCase(Locale.ROOT).contains("lightning"))
                .findFirst().orElse("Lightning talks");
    }

    private Instant localTime(JsonNode node, String field, String pointer) {
        String value = text(node, field, pointer);
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed(at(pointer, field), "must be a local date-time such as 2024-11-10T09:00:00, not \"" + value + "\"");
        }
    }
}
