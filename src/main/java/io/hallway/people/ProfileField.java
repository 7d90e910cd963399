package io.hallway.people;

/**
 * The fields of a profile that carry their own visibility, with the private default of each, and the column of
 * {@code profile} that holds it (a list is a {@code jsonb} array, shown only when not empty).
 */
public enum ProfileField {
    DISPLAY_NAME("displayName", Visibility.CONNECTIONS, "display_name", false),
    PRONOUNS("pronouns", Visibility.CONNECTIONS, "pronouns", false),
    HEADLINE("headline", Visibility.CONNECTIONS, "headline", false),
    COMPANY("company", Visibility.CONNECTIONS, "company", false),
    BIO("bio", Visibility.CONNECTIONS, "bio", false),
    INTERESTS("interests", Visibility.CONNECTIONS, "interests", true),
    LINKS("links", Visibility.CONNECTIONS, "links", true),
    PHOTO_URL("photoUrl", Visibility.CONNECTIONS, "photo_url", false),
    EMAIL("email", Visibility.ONLY_ME, "email", false),
    PHONE("phone", Visibility.ONLY_ME, "phone", false);

    public final String wireName;
    public final Visibility defaultVisibility;
    final String column;
    final boolean list;

    ProfileField(String wireName, Visibility defaultVisibility, String column, boolean list) {
        this.wireName = wireName;
        this.defaultVisibility = defaultVisibility;
        this.column = column;
        this.list = list;
    }
}
