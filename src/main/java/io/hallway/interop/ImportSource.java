package io.hallway.interop;

/** The systems a schedule is imported from; the wire name is what the source_system columns hold. */
enum ImportSource {
    SESSIONIZE("sessionize"), PRETALX("pretalx");

    final String wireName;

    ImportSource(String wireName) {
        this.wireName = wireName;
    }
}
