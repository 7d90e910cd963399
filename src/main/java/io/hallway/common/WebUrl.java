package io.hallway.common;

/** The one pattern for links people click: http or https, no spaces. For Bean Validation's @Pattern. */
public final class WebUrl {

    public static final String PATTERN = "https?://[^\\s]+";
    public static final String MESSAGE = "must be an http or https URL";

    private WebUrl() {
    }
}
