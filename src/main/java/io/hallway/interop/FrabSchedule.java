package io.hallway.interop;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.hallway.schedule.RoomView;
import io.hallway.schedule.ScheduleSnapshot;
import io.hallway.schedule.SessionStatus;
import io.hallway.schedule.SessionView;
import io.hallway.schedule.SpeakerView;
import io.hallway.schedule.TrackView;

/**
 * The published schedule arranged the way frab/c3voc schedules are (https://c3voc.de/wiki/schedule):
 * days, rooms in each day, events in each room, times in the event's zone with their offset. Lightning
 * talks are events of their own at their derived times; cancelled sessions are left out, as frab does.
 */
record FrabSchedule(ScheduleSnapshot snapshot, String acronym, String baseUrl, List<TrackView> tracks,
        List<RoomView> rooms, List<Day> days) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    /** With seconds always: both schemas want a full date-time, which OffsetDateTime.toString() drops at :00. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    record Day(int index, LocalDate date, OffsetDateTime start, OffsetDateTime end, Map<String, List<Item>> rooms) {
    }

    record Item(SessionView session, String room, String track, String start, String duration, String slug,
            String url, List<Person> persons) {
    }

    record Person(long id, String name, String biography) {
    }

    /** {@code baseUrl} is the event's public API address; session links hang under it. */
    static FrabSchedule of(ScheduleSnapshot snapshot, String baseUrl) {
        ZoneId zone = ZoneId.of(snapshot.event().timeZone());
        String acronym = acronym(snapshot.event().slug());
        Map<Long, String> roomNames = snapshot.rooms().stream().collect(Collectors.toMap(RoomView::id, RoomView::name));
        Map<Long, String> trackNames = snapshot.tracks().stream().collect(Collectors.toMap(TrackView::id, TrackView::name));
        Map<Long, SpeakerView> speakers = snapshot.speakers().stream()
                .collect(Collectors.toMap(SpeakerView::id, Function.identity()));
        List<Day> days = new ArrayList<>();
        LocalDate date = snapshot.event().startDate();
        for (int index = 1; !date.isAfter(snapshot.event().endDate()); index++, date = date.plusDays(1)) {
            LocalDate day = date;
            Map<String, List<Item>> byRoom = new LinkedHashMap<>();
            snapshot.rooms().forEach(room -> byRoom.put(room.name(), new ArrayList<>()));
            snapshot.sessions().stream()
                    .filter(s -> s.status() == SessionStatus.SCHEDULED)
                    .filter(s -> s.startsAt().atZoneSameInstant(zone).toLocalDate().equals(day))
                    .forEach(s -> {
                        String room = s.roomId() == null ? "" : roomNames.get(s.roomId());
                        byRoom.computeIfAbsent(room, r -> new ArrayList<>()).add(item(s, room, trackNames, speakers,
                                acronym, baseUrl, zone));
                    });
            byRoom.values().removeIf(List::isEmpty);
            days.add(new Day(index, day, day.atStartOfDay(zone).toOffsetDateTime(),
                    day.plusDays(1).atStartOfDay(zone).minusMinutes(1).toOffsetDateTime(), byRoom));
        }
        return new FrabSchedule(snapshot, acronym, baseUrl, snapshot.tracks(), snapshot.rooms(), days);
    }

    private static Item item(SessionView session, String room, Map<Long, String> tracks, Map<Long, SpeakerView> speakers,
            String acronym, String baseUrl, ZoneId zone) {
        long minutes = session.durationMinutes();
        List<Person> persons = session.speakers().stream().map(ref -> new Person(ref.id(), ref.name(),
                speakers.containsKey(ref.id()) ? speakers.get(ref.id()).bio() : null)).toList();
        return new Item(session, room, session.trackId() == null ? null : tracks.get(session.trackId()),
                CLOCK.format(session.startsAt().atZoneSameInstant(zone)),
                String.format("%02d:%02d", minutes / 60, minutes % 60), acronym + "-" + String.format("%04d", session.id()),
                baseUrl + "/sessions/" + session.id(), persons);
    }

    static String stamp(OffsetDateTime time) {
        return STAMP.format(time);
    }

    /** frab wants at least four of [a-z0-9_] (the c3voc schemas differ on dashes, so none are used). */
    static String acronym(String slug) {
        StringBuilder acronym = new StringBuilder(slug.replace('-', '_'));
        while (acronym.length() < 4) {
            acronym.append('_');
        }
        return acronym.toString();
    }

    /** A stable UUID for a room, which frab wants and Hallway does not otherwise keep. */
    static UUID roomGuid(RoomView room) {
        return UUID.nameUUIDFromBytes(("hallway:room:" + room.id()).getBytes(StandardCharsets.UTF_8));
    }
}
