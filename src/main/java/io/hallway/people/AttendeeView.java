package io.hallway.people;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

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

    /**
     * SQL: this view of the {@code profile} row {@code alias}, as JSON text, for a statement that returns many
     * people's cards with what it ranked them by, without loading and rendering each profile here. It follows
     * {@link #of} field by field: a field shown when its stored visibility (or its default) is shown to the
     * audience, a list only when not empty, absent otherwise. {@code AttendeeViewSqlTest} holds the two to the same
     * output. Written as text pieces joined, each value escaped by {@code to_json}: building a JSON object and
     * stripping its nulls cost PostgreSQL twice as much.
     */
    public static String sql(String alias, Audience audience) {
        String shown = Arrays.stream(Visibility.values()).filter(visibility -> visibility.shownTo(audience))
                .map(visibility -> "'" + visibility.wireName() + "'").collect(Collectors.joining(", "));
        String fields = Arrays.stream(ProfileField.values()).map(field -> {
            String value = alias + "." + field.column;
            String present = field.list ? value + " <> '[]'" : value + " is not null";
            String json = field.list ? "cast(" + value + " as text)" : "cast(to_json(" + value + ") as text)";
            return "case when coalesce(%s.visibility ->> '%s', '%s') in (%s) and %s then ',\"%s\":' || %s end"
                    .formatted(alias, field.wireName, field.defaultVisibility.wireName(), shown, present,
                            field.wireName, json);
        }).collect(Collectors.joining(", "));
        return " '{\"id\":' || %s.id || concat(%s) || '}' ".formatted(alias, fields);
    }
}
