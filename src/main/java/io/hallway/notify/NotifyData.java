package io.hallway.notify;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.hallway.people.PersonalData;
import io.hallway.people.PersonalData.AfterPurge;
import io.hallway.people.PersonalSection;

/**
 * The notifications feature's personal data: the person's push subscriptions, the kinds they chose, and the
 * notifications made for them with how far each got. An erasure deletes all three, and a notification not yet
 * sent with them: nothing more reaches the person's devices.
 */
@Singleton
class NotifyData {

    record Export(List<PushSubscriptionResource.SubscriptionView> pushSubscriptions,
            NotificationPreferenceResource.Preferences preferences, List<Outbox.Sent> notifications) {
    }

    @Inject
    Outbox outbox;

    @Inject
    FanOuts fanOuts;

    @Produces
    @Singleton
    PersonalData notifications() {
        return new PersonalSection("notifications", Map.of("push_subscription", AfterPurge.NONE,
                "notification_preference", AfterPurge.NONE, "notification", AfterPurge.NONE, "notification_delivery",
                AfterPurge.NONE, "notification_fan_out", AfterPurge.NONE),
                this::holds, this::export, this::erase, this::purge);
    }

    private boolean holds(long eventId, long userId) {
        return PushSubscription.count("eventId = ?1 and userId = ?2", eventId, userId) > 0
                || NotificationPreference.count("eventId = ?1 and userId = ?2", eventId, userId) > 0
                || outbox.holds(eventId, userId);
    }

    private Export export(long eventId, long userId) {
        if (!holds(eventId, userId)) {
            return null;
        }
        return new Export(PushSubscription.of(eventId, userId).stream()
                .map(PushSubscriptionResource.SubscriptionView::from).toList(),
                NotificationPreferenceResource.Preferences.from(NotificationPreference.of(eventId, userId)),
                outbox.of(eventId, userId));
    }

    private void erase(long eventId, long userId) {
        fanOuts.erase(eventId, userId);
        outbox.erase(eventId, userId);
        PushSubscription.delete("eventId = ?1 and userId = ?2", eventId, userId);
        NotificationPreference.delete("eventId = ?1 and userId = ?2", eventId, userId);
    }

    private Map<String, Long> purge(long eventId) {
        fanOuts.purge(eventId);
        return Map.of("notifications", outbox.purge(eventId), "pushSubscriptions",
                PushSubscription.delete("eventId", eventId), "notificationPreferences",
                NotificationPreference.delete("eventId", eventId));
    }
}
