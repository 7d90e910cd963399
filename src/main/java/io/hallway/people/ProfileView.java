package io.hallway.people;

import java.time.Instant;
import java.util.List;

/** My own profile, every field with its visibility. */
public record ProfileView(
        Long id,
        String displayName,
        String pronouns,
        String headline,
        String company,
        String bio,
        List<String> interests,
        List<Link> links,
        String photoUrl,
        String email,
        String phone,
        ProfileVisibility visibility,
        boolean inDirectory,
        Instant updatedAt) {

    public static ProfileView from(Profile profile) {
        return new ProfileView(profile.id, profile.displayName, profile.pronouns, profile.headline, profile.company,
                profile.bio, List.copyOf(profile.interests), List.copyOf(profile.links), profile.photoUrl,
                profile.email, profile.phone, ProfileVisibility.of(profile), profile.inDirectory,
                profile.id == null ? null : profile.updatedAt);
    }
}
