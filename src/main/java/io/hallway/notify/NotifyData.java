package io.hallway.notify;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.people.PersonalData;

/**
 * The notifications feature's personal data: the person's push subscriptions, the kinds they chose, and the
 * notifications made for them with how far each got. An erasure deletes all three, and a notification not yet
 * sent with them: nothing more reaches the person's devices.
 */
@ApplicationScoped
class NotifyData implements PersonalData {

    record Export(List<PushSubscriptionResource.SubscriptionView> pushSubscriptions,
            NotificationPreferenceResource.Preferences preferences, List<Outbox.Sent> notifications) {
    }

    @Inject
    Outbox outbox;

    @Inject
    FanOuts fanOuts;

    @Override
    public String section() {
        return "notifications";
    }

    @Override
    public boolean holds(long eventId, long userId) {
        return PushSubscription.count("eventId = ?1 and userId = ?2", eventId, userId) > 0
                || NotificationPreference.count("eventId = ?1 and userId = ?2", eventId, userId) > 0
                || outbox.holds(eventId, userId);
    }

    @Override
    public Object export(long eventId, long userId) {
        if (!holds(eventId, userId)) {
            return null;
        }
        return new Export(PushSubscription.of(eventId, userId).stream()
                .map(PushSubscriptionResource.SubscriptionView::from).toList(),
                NotificationPreferenceResource.Preferences.from(NotificationPreference.of(eventId, userId)),
                outbox.of(eventId, userId));
    }

    @Override
    public void erase(long eventId, long userId) {
        fanOuts.erase(eventId, userId);
        outbox.erase(eventId, userId);
        PushSubscription.delete("eventId = ?1 and userId = ?2", eventId, userId);
        NotificationPreference.delete("eventId = ?1 and userId = ?2", eventId, userId);
    }

    @Override
    public Map<String, Long> purge(long eventId) {
        fanOuts.purge(eventId);
        return Map.of("notifications", outbox.purge(eventId), "pushSubscriptions",
                PushSubscription.delete("eventId", eventId), "notificationPreferences",
                NotificationPreference.delete("eventId", eventId));
    }
}
