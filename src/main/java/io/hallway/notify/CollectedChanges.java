package io.hallway.notify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.hallway.agenda.ChangeFeedGrew;

/**
 * What one transaction's changes mean for each person, by event and kind: {@link Outbox} stores it as the
 * transaction commits and turns it into notifications right after. Kept by kind so that a kind the person turned
 * off leaves nothing behind.
 */
final class CollectedChanges {

    /** One kind of change for one person: the sessions, how many entries, the first entry and the latest words. */
    private static final class Part {
        final Set<Long> sessionIds = new TreeSet<>();
        int entries;
        long firstEntryId = Long.MAX_VALUE;
        long firstRevision;
        String latestText;
        long latestOrder;
    }

    /** One person's changes in one event, by kind. */
    static final class Person {
        private final long userId;
        private final Map<NotificationKind, Part> parts = new EnumMap<>(NotificationKind.class);

        Person(long userId) {
            this.userId = userId;
        }

        long userId() {
            return userId;
        }

        /** The row to write once the kinds the person turned off are left out; empty when nothing is left. */
        Optional<Row> without(Set<NotificationKind> turnedOff) {
            List<Map.Entry<NotificationKind, Part>> kept = parts.entrySet().stream()
                    .filter(part -> !turnedOff.contains(part.getKey())).toList();
            if (kept.isEmpty()) {
                return Optional.empty();
            }
            Set<Long> sessionIds = new TreeSet<>();
            int entries = 0;
            Part first = null;
            Part latest = null;
            for (Map.Entry<NotificationKind, Part> entry : kept) {
                Part part = entry.getValue();
                sessionIds.addAll(part.sessionIds);
                entries += part.entries;
                first = first == null || part.firstEntryId < first.firstEntryId ? part : first;
                latest = latest == null || part.latestOrder > latest.latestOrder ? part : latest;
            }
            return Optional.of(new Row(userId, kept.stream().map(entry -> entry.getKey().wireName()).toList(),
                    List.copyOf(sessionIds), entries, latest.latestText, first.firstEntryId, first.firstRevision));
        }
    }

    /** A person's notification row as {@code jsonb_to_recordset} reads it. */
    record Row(@JsonProperty("user_id") long userId, List<String> kinds,
            @JsonProperty("session_ids") List<Long> sessionIds, int entries,
            @JsonProperty("latest_text") String latestText, @JsonProperty("first_entry_id") long firstEntryId,
            @JsonProperty("first_revision") long firstRevision) {
    }

    /** One person's part of one kind as the fan-out row stores it. */
    record StoredPart(@JsonProperty("user_id") long userId, NotificationKind kind,
            @JsonProperty("session_ids") List<Long> sessionIds, int entries,
            @JsonProperty("first_entry_id") long firstEntryId, @JsonProperty("first_revision") long firstRevision,
            @JsonProperty("latest_text") String latestText, @JsonProperty("latest_order") long latestOrder) {
    }

    /** The people's parts of one event, to store. */
    static List<StoredPart> stored(Map<Long, Person> people) {
        List<StoredPart> stored = new ArrayList<>();
        people.values().forEach(person -> person.parts.forEach((kind, part) -> stored.add(new StoredPart(
                person.userId, kind, List.copyOf(part.sessionIds), part.entries, part.firstEntryId, part.firstRevision,
                part.latestText, part.latestOrder))));
        return stored;
    }

    /** The people of stored parts, as they were collected. */
    static Map<Long, Person> people(List<StoredPart> stored) {
        Map<Long, Person> people = new HashMap<>();
        for (StoredPart one : stored) {
            Part part = new Part();
            part.sessionIds.addAll(one.sessionIds());
            part.entries = one.entries();
            part.firstEntryId = one.firstEntryId();
            part.firstRevision = one.firstRevision();
            part.latestText = one.latestText();
            part.latestOrder = one.latestOrder();
            people.computeIfAbsent(one.userId(), Person::new).parts.put(one.kind(), part);
        }
        return people;
    }

    private final Map<Long, Map<Long, Person>> byEvent = new LinkedHashMap<>();
    private long order;

    void add(ChangeFeedGrew grown, NotificationKind kind) {
        long changeOrder = ++order;
        Map<Long, Person> people = byEvent.computeIfAbsent(grown.eventId(), event -> new HashMap<>());
        for (ChangeFeedGrew.Recipient recipient : grown.recipients()) {
            Part part = people.computeIfAbsent(recipient.userId(), Person::new).parts
                    .computeIfAbsent(kind, k -> new Part());
            if (grown.sessionId() != null) {
                part.sessionIds.add(grown.sessionId());
            }
            part.entries++;
            if (recipient.entryId() < part.firstEntryId) {
                part.firstEntryId = recipient.entryId();
                part.firstRevision = grown.revision();
            }
            part.latestText = grown.text();
            part.latestOrder = changeOrder;
        }
    }

    Map<Long, Map<Long, Person>> byEvent() {
        return byEvent;
    }
}
