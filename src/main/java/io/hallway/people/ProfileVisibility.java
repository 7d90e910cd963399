package io.hallway.people;

import java.util.Map;
import java.util.TreeMap;

/**
 * The audience of each profile field. In a request a missing field keeps its private default:
 * name, headline, company and the rest 'connections'; email and phone 'only-me'.
 */
public record ProfileVisibility(
        Visibility displayName,
        Visibility pronouns,
        Visibility headline,
        Visibility company,
        Visibility bio,
        Visibility interests,
        Visibility links,
        Visibility photoUrl,
        Visibility email,
        Visibility phone) {

    static ProfileVisibility of(Profile profile) {
        return new ProfileVisibility(profile.visibilityOf(ProfileField.DISPLAY_NAME),
                profile.visibilityOf(ProfileField.PRONOUNS), profile.visibilityOf(ProfileField.HEADLINE),
                profile.visibilityOf(ProfileField.COMPANY), profile.visibilityOf(ProfileField.BIO),
                profile.visibilityOf(ProfileField.INTERESTS), profile.visibilityOf(ProfileField.LINKS),
                profile.visibilityOf(ProfileField.PHOTO_URL), profile.visibilityOf(ProfileField.EMAIL),
                profile.visibilityOf(ProfileField.PHONE));
    }

    /** All fields, defaults where this one says nothing. */
    Map<String, String> toStored() {
        Map<String, String> stored = new TreeMap<>();
        put(stored, ProfileField.DISPLAY_NAME, displayName);
        put(stored, ProfileField.PRONOUNS, pronouns);
        put(stored, ProfileField.HEADLINE, headline);
        put(stored, ProfileField.COMPANY, company);
        put(stored, ProfileField.BIO, bio);
        put(stored, ProfileField.INTERESTS, interests);
        put(stored, ProfileField.LINKS, links);
        put(stored, ProfileField.PHOTO_URL, photoUrl);
        put(stored, ProfileField.EMAIL, email);
        put(stored, ProfileField.PHONE, phone);
        return stored;
    }

    private static void put(Map<String, String> stored, ProfileField field, Visibility chosen) {
        stored.put(field.wireName, (chosen == null ? field.defaultVisibility : chosen).wireName());
    }
}
