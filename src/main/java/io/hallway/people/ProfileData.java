package io.hallway.people;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/** The people feature's personal data: the person's profile in the event. */
@ApplicationScoped
class ProfileData implements PersonalData {

    @Override
    public String section() {
        return "profile";
    }

    @Override
    public boolean holds(long eventId, long userId) {
        return Profile.count("eventId = ?1 and userId = ?2", eventId, userId) > 0;
    }

    @Override
    public Object export(long eventId, long userId) {
        return Profile.of(eventId, userId).map(ProfileView::from).orElse(null);
    }

    @Override
    public void erase(long eventId, long userId) {
        Profile.delete("eventId = ?1 and userId = ?2", eventId, userId);
    }

    @Override
    public Map<String, Long> purge(long eventId) {
        return Map.of("profiles", Profile.delete("eventId", eventId));
    }
}
