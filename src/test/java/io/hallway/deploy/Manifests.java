package io.hallway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Every manifest under deploy/ (deploy/local/ is the local stand-in, not a manifest), read strictly, with the
 * kustomization that applies them and the application.properties they must agree with.
 */
final class Manifests {

    static final Path DEPLOY = Path.of("deploy");
    static final Path KUSTOMIZATION = DEPLOY.resolve("kustomization.yaml");
    static final Path GENERATED = DEPLOY.resolve("hallway/kubernetes.yml");
    static final Path DEPLOYMENT_PATCH = DEPLOY.resolve("hallway/deployment-patch.yaml");
    private static final Path LOCAL = DEPLOY.resolve("local");

    /** The resources of each file, in the order of the files' paths. */
    final Map<Path, List<HasMetadata>> byFile;
    final JsonNode kustomization;
    final Properties applicationProperties;

    private Manifests(Map<Path, List<HasMetadata>> byFile, JsonNode kustomization, Properties applicationProperties) {
        this.byFile = byFile;
        this.kustomization = kustomization;
        this.applicationProperties = applicationProperties;
    }

    static Manifests load() {
        Map<Path, List<HasMetadata>> byFile = new LinkedHashMap<>();
        for (Path file : manifestFiles()) {
            try {
                byFile.put(file, StrictKubernetesYaml.read(read(file)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }
        List<JsonNode> kustomization = StrictKubernetesYaml.documents(read(KUSTOMIZATION));
        assertEquals(1, kustomization.size(), KUSTOMIZATION + " holds one document");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(byFile, kustomization.get(0), properties);
    }

    /** The YAML files under deploy/, the kustomization and deploy/local/ left out. */
    static List<Path> manifestFiles() {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.startsWith(LOCAL) && !file.equals(KUSTOMIZATION))
                    .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resources kustomize applies as they are: every file but the patch. */
    List<HasMetadata> resources() {
        List<HasMetadata> resources = new ArrayList<>();
        byFile.forEach((file, documents) -> {
            if (!file.equals(DEPLOYMENT_PATCH)) {
                resources.addAll(documents);
            }
        });
        return resources;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources().stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = all(type);
        assertEquals(1, found.size(), "one " + type.getSimpleName() + " under deploy/");
        return found.get(0);
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(resource -> kind.equals(resource.getKind())).toList();
    }

    GenericKubernetesResource oneCustom(String kind) {
        List<GenericKubernetesResource> found = custom(kind);
        assertEquals(1, found.size(), "one " + kind + " under deploy/");
        return found.get(0);
    }

    /** Hallway's Deployment as quarkus-kubernetes generates it. */
    Deployment deployment() {
        return one(Deployment.class);
    }

    /** What kustomize merges into that Deployment. */
    Deployment deploymentPatch() {
        List<HasMetadata> patch = byFile.get(DEPLOYMENT_PATCH);
        assertEquals(1, patch.size(), DEPLOYMENT_PATCH + " holds one document");
        return (Deployment) patch.get(0);
    }

    String property(String key) {
        String value = applicationProperties.getProperty(key);
        if (value == null) {
            throw new AssertionError("application.properties has no " + key);
        }
        return value;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
