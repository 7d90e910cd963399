package io.hallway.people;

import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The people feature's personal data: the person's profile in the event. */
@Singleton
class ProfileData {

    @Produces
    @Singleton
    PersonalData profile() {
        return new PersonalSection("profile", Map.of("profile", PersonalData.AfterPurge.NONE),
                (eventId, userId) -> Profile.count("eventId = ?1 and userId = ?2", eventId, userId) > 0,
                (eventId, userId) -> Profile.of(eventId, userId).map(ProfileView::from).orElse(null),
                (eventId, userId) -> Profile.delete("eventId = ?1 and userId = ?2", eventId, userId),
                eventId -> Map.of("profiles", Profile.delete("eventId", eventId)));
    }
}
