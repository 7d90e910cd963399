package io.hallway.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The shared interchange references in ../shared/interop (the XSD, the JSON schema, a real pretalx
 * export), read where they are and never copied in. Where the folder is absent, tests that need it are
 * skipped with a message saying so; CI has it.
 */
final class InteropFiles {

    static final Path FOLDER = Path.of("..", "shared", "interop").toAbsolutePath().normalize();

    private InteropFiles() {
    }

    static Path require(String name) {
        Path file = FOLDER.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file),
                () -> "Skipped: " + file + " is absent; this test needs the shared interop references (../shared/interop).");
        return file;
    }

    static String read(String name) {
        try {
            return Files.readString(require(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
