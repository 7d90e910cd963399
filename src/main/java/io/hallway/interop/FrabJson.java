package io.hallway.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link FrabSchedule} as frab/pretalx schedule JSON (schema: c3voc schedule.schema.json), the
 * same document the pretalx importer reads.
 */
final class FrabJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FrabJson() {
    }

    static byte[] write(FrabSchedule schedule) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://c3voc.de/schedule/schema.json");
        root.putObject("generator").put("name", "hallway");
        ObjectNode scheduleNode = root.putObject("schedule");
        scheduleNode.put("version", String.valueOf(schedule.snapshot().scheduleVersion()));
        scheduleNode.put("base_url", schedule.baseUrl());
        var event = schedule.snapshot().event();
        ObjectNode conference = scheduleNode.putObject("conference");
        conference.put("acronym", schedule.acronym());
        conference.put("title", event.name());
        conference.put("start", event.startDate().toString());
        conference.put("end", event.endDate().toString());
        conference.put("daysCount", schedule.days().size());
        conference.put("timeslot_duration", "00:05");
        if (event.timeZone().matches("([A-Z][a-z]+/[A-Z][a-z]+.*)|UTC")) {
            conference.put("time_zone_name", event.timeZone());
        }
        ArrayNode rooms = conference.putArray("rooms");
        schedule.rooms().forEach(room -> rooms.addObject().put("name", room.name())
                .put("guid", FrabSchedule.roomGuid(room).toString()));
        ArrayNode tracks = conference.putArray("tracks");
        schedule.tracks().forEach(track -> {
            ObjectNode node = tracks.addObject().put("name", track.name());
            if (track.color() != null) {
                node.put("color", track.color());
            }
        });
        ArrayNode days = conference.putArray("days");
        for (FrabSchedule.Day day : schedule.days()) {
            ObjectNode dayNode = days.addObject().put("index", day.index()).put("date", day.date().toString())
                    .put("day_start", FrabSchedule.stamp(day.start())).put("day_end", FrabSchedule.stamp(day.end()));
            ObjectNode dayRooms = dayNode.putObject("rooms");
            day.rooms().forEach((name, items) -> {
                ArrayNode events = dayRooms.putArray(name);
                items.forEach(item -> event(events.addObject(), item));
            });
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The schedule could not be written as frab JSON", e);
        }
    }

    private static void event(ObjectNode node, FrabSchedule.Item item) {
        var session = item.session();
        node.put("guid", session.guid().toString());
        node.put("id", session.id());
        node.put("date", FrabSchedule.stamp(session.startsAt()));
        node.put("start", item.start());
        node.put("duration", item.duration());
        node.put("room", item.room());
        node.put("slug", item.slug());
        node.put("url", item.url());
        node.put("title", session.title());
        node.put("subtitle", "");
        node.put("track", item.track());
        node.put("type", session.kind().wireName());
        node.put("language", session.language());
        node.put("abstract", session.abstractText());
        ArrayNode persons = node.putArray("persons");
        item.persons().forEach(person -> persons.addObject().put("id", person.id()).put("public_name", person.name())
                .put("biography", person.biography()));
        ArrayNode links = node.putArray("links");
        if (session.slidesUrl() != null) {
            links.addObject().put("type", "slides").put("url", session.slidesUrl()).put("title", "Slides");
        }
        if (session.videoUrl() != null) {
            links.addObject().put("type", "media").put("url", session.videoUrl()).put("title", "Video");
        }
    }
}
