package io.hallway.interop;

/** Fits imported text into the limits the admin API keeps, rather than refusing a whole item for it. */
final class Text {

    private Text() {
    }

    static String clamp(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1).stripTrailing() + "…";
    }
}
