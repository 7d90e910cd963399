package io.hallway.notify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.common.Caller;
import io.hallway.common.Users;
import io.hallway.schedule.Event;
import io.hallway.schedule.ScheduleCursors;

/** What each claimed delivery says: its notification as the app reads it, and for the relay, whom it is for. */
@ApplicationScoped
class DeliveryMessages {

    /** A claimed delivery with its message, and for the relay, whom it is for. */
    record Prepared(Outbox.Claimed delivery, NotificationMessage message, Caller.UserKey recipient) {
    }

    @Inject
    NotifyConfig config;

    @Inject
    ScheduleCursors cursors;

    @Inject
    Users users;

    /** Within a transaction: reads the events and the relay's recipients of a claimed batch once each. */
    List<Prepared> prepare(List<Outbox.Claimed> claimed) {
        List<Long> relayed = claimed.stream().filter(delivery -> delivery.subscriptionId() == null)
                .map(Outbox.Claimed::userId).distinct().toList();
        Map<Long, Caller.UserKey> recipients = relayed.isEmpty() ? Map.of() : users.keys(relayed);
        Map<Long, Event> events = new HashMap<>();
        return claimed.stream().map(delivery -> new Prepared(delivery,
                message(delivery, events.computeIfAbsent(delivery.eventId(), id -> Event.findById(id))),
                recipients.get(delivery.userId()))).toList();
    }

    private NotificationMessage message(Outbox.Claimed delivery, Event event) {
        NotificationKind kind = NotificationMessage.kind(delivery.kinds());
        long version = Math.min(delivery.firstRevision(), event.publicVersion());
        return new NotificationMessage(delivery.publicId(), event.slug, kind,
                NotificationMessage.text(kind, delivery.sessions(), delivery.entries(), delivery.latestText()),
                delivery.entries(), cursors.encode(event.id, version, delivery.firstEntryId() - 1),
                refreshWithin(delivery.userId()), delivery.createdAt().atZone(event.zone()).toOffsetDateTime());
    }

    /** Each person's own second within the spread, the same for every notification they get. */
    int refreshWithin(long userId) {
        long spread = Math.max(1, config.refreshSpread().toSeconds());
        return 1 + (int) Math.floorMod(Long.hashCode(userId * 0x9E3779B97F4A7C15L), spread);
    }
}
