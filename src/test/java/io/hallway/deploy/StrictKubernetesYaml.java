package io.hallway.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Reads Kubernetes YAML into fabric8's typed model and refuses any field the model does not know. fabric8's own
 * Serialization keeps unknown fields in each object's additionalProperties (its @JsonAnySetter), so a misspelt
 * field would pass unnoticed, and the API server would drop it just as silently: here the any-setters are
 * ignored and Jackson fails on the unknown property instead.
 */
final class StrictKubernetesYaml {

    private static final Map<String, Class<? extends HasMetadata>> TYPED = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    /** The operators' custom resources: fabric8 has no model of them, so only their outline is checked here. */
    private static final Set<String> CUSTOM = Set.of(
            "postgresql.cnpg.io/v1/Cluster",
            "k8s.keycloak.org/v2alpha1/Keycloak",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport");
    private static final Set<String> CUSTOM_TOP_LEVEL = Set.of("apiVersion", "kind", "metadata", "spec");

    private static final YAMLMapper STRICT = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            })
            .build();
    private static final YAMLMapper LENIENT = new YAMLMapper();

    private StrictKubernetesYaml() {
    }

    /** Every document of a (multi-document) YAML text. */
    static List<HasMetadata> read(String yaml) {
        List<HasMetadata> resources = new ArrayList<>();
        for (JsonNode document : documents(yaml)) {
            resources.add(toResource(document));
        }
        return resources;
    }

    static List<JsonNode> documents(String yaml) {
        try (MappingIterator<JsonNode> documents = LENIENT.readerFor(JsonNode.class).readValues(yaml)) {
            List<JsonNode> nodes = new ArrayList<>();
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    nodes.add(document);
                }
            }
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HasMetadata toResource(JsonNode document) {
        String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        try {
            if (TYPED.containsKey(type)) {
                return STRICT.treeToValue(document, TYPED.get(type));
            }
            if (CUSTOM.contains(type)) {
                document.fieldNames().forEachRemaining(field -> {
                    if (!CUSTOM_TOP_LEVEL.contains(field)) {
                        throw new IllegalArgumentException(type + " has an unknown top-level field " + field);
                    }
                });
                return LENIENT.treeToValue(document, GenericKubernetesResource.class);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(type + " does not fit the Kubernetes model: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("no model for " + type + ": add it to " + StrictKubernetesYaml.class.getSimpleName());
    }
}
