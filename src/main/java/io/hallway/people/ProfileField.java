package io.hallway.people;

/** The fields of a profile that carry their own visibility, with the private default of each. */
public enum ProfileField {
    DISPLAY_NAME("displayName", Visibility.CONNECTIONS),
    PRONOUNS("pronouns", Visibility.CONNECTIONS),
    HEADLINE("headline", Visibility.CONNECTIONS),
    COMPANY("company", Visibility.CONNECTIONS),
    BIO("bio", Visibility.CONNECTIONS),
    INTERESTS("interests", Visibility.CONNECTIONS),
    LINKS("links", Visibility.CONNECTIONS),
    PHOTO_URL("photoUrl", Visibility.CONNECTIONS),
    EMAIL("email", Visibility.ONLY_ME),
    PHONE("phone", Visibility.ONLY_ME);

    public final String wireName;
    public final Visibility defaultVisibility;

    ProfileField(String wireName, Visibility defaultVisibility) {
        this.wireName = wireName;
        this.defaultVisibility = defaultVisibility;
    }
}
