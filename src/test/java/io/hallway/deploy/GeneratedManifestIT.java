package io.hallway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The committed deploy/hallway/kubernetes.yml is the one quarkus-kubernetes generates from application.properties
 * in this build. Run by failsafe after the package phase, which writes target/kubernetes (surefire runs too early).
 * The generator writes labels, environment variables and ports in no fixed order from one build to the next, so
 * both are compared with keys sorted and named entries (env, ports) sorted by name: an order Kubernetes ignores.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GeneratedManifestIT {

    private static final Path GENERATED = Path.of("target/kubernetes/kubernetes.yml");
    private static final String REFRESH = "if the change is meant, refresh the committed copy: ./mvnw package -DskipTests && cp "
            + GENERATED + " " + Manifests.GENERATED;
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void the_committed_manifest_is_the_one_this_build_generates() throws JsonProcessingException {
        assertTrue(Files.isRegularFile(GENERATED), GENERATED + " is missing: the package phase generates it");
        assertEquals(normalized(GENERATED), normalized(Manifests.GENERATED),
                Manifests.GENERATED + " differs from what application.properties generates; " + REFRESH);
    }

    private static String normalized(Path file) throws JsonProcessingException {
        List<JsonNode> documents = new ArrayList<>();
        StrictKubernetesYaml.documents(Manifests.read(file)).forEach(document -> documents.add(normalized(document)));
        return YAML.writeValueAsString(documents);
    }

    private static JsonNode normalized(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            node.fields().forEachRemaining(field -> sorted.put(field.getKey(), normalized(field.getValue())));
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            sorted.forEach(object::set);
            return object;
        }
        if (node.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            node.forEach(element -> elements.add(normalized(element)));
            if (elements.stream().allMatch(element -> element.hasNonNull("name"))) {
                elements.sort(Comparator.comparing(element -> element.get("name").asText()));
            }
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            elements.forEach(array::add);
            return array;
        }
        return node;
    }
}
