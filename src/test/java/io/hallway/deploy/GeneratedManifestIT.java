package io.hallway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The committed deploy/hallway/kubernetes.yml is the one quarkus-kubernetes generates from application.properties
 * in this build. Run by failsafe after the package phase, which writes target/kubernetes (surefire runs too early).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GeneratedManifestIT {

    private static final Path GENERATED = Path.of("target/kubernetes/kubernetes.yml");
    private static final String REFRESH = "if the change is meant, refresh the committed copy: ./mvnw package -DskipTests && cp "
            + GENERATED + " " + Manifests.GENERATED;

    @Test
    void the_committed_manifest_is_the_one_this_build_generates() {
        assertTrue(Files.isRegularFile(GENERATED), GENERATED + " is missing: the package phase generates it");
        assertEquals(Manifests.read(GENERATED), Manifests.read(Manifests.GENERATED),
                Manifests.GENERATED + " differs from what application.properties generates; " + REFRESH);
    }
}
