package io.hallway.people;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Someone's profile as one viewer may see it: a field the viewer may not see is absent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttendeeView(
        long id,
        String displayName,
        String pronouns,
        String headline,
        String company,
        String bio,
        List<String> interests,
        List<Link> links,
        String photoUrl,
        String email,
        String phone) {

    public static AttendeeView of(Profile p, Audience audience) {
        return new AttendeeView(p.id,
                p.shows(ProfileField.DISPLAY_NAME, audience) ? p.displayName : null,
                p.shows(ProfileField.PRONOUNS, audience) ? p.pronouns : null,
                p.shows(ProfileField.HEADLINE, audience) ? p.headline : null,
                p.shows(ProfileField.COMPANY, audience) ? p.company : null,
                p.shows(ProfileField.BIO, audience) ? p.bio : null,
                p.shows(ProfileField.INTERESTS, audience) && !p.interests.isEmpty() ? List.copyOf(p.interests) : null,
                p.shows(ProfileField.LINKS, audience) && !p.links.isEmpty() ? List.copyOf(p.links) : null,
                p.shows(ProfileField.PHOTO_URL, audience) ? p.photoUrl : null,
                p.shows(ProfileField.EMAIL, audience) ? p.email : null,
                p.shows(ProfileField.PHONE, audience) ? p.phone : null);
    }
}
