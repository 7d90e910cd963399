package io.hallway.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The Hallway workload under deploy/ as an operator applies it: what Kubernetes must know to keep it serving
 * through node loss, rolling updates and load, and that it carries no secret. The operators' resources are
 * checked in {@link OperatorResourcesTest}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeployManifestsTest {

    private static final Pattern SECRET_LIKE = Pattern.compile(".*(PASSWORD|SECRET|PRIVATE|TOKEN_KEY).*");

    private final Manifests deploy = Manifests.load();

    @Test
    void a_field_the_kubernetes_model_does_not_know_is_refused() {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class, () -> StrictKubernetesYaml.read("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: hallway
                spec:
                  replica: 3
                """));
        assertTrue(refusal.getMessage().contains("replica"), refusal.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StrictKubernetesYaml.read("""
                apiVersion: apps/v1
                kind: Deploymnet
                metadata:
                  name: hallway
                """));
    }

    @Test
    void the_kustomization_applies_every_manifest_and_patches_the_generated_deployment() {
        Set<Path> listed = new HashSet<>();
        deploy.kustomization.path("resources").forEach(entry -> listed.add(Manifests.DEPLOY.resolve(entry.asText()).normalize()));
        deploy.kustomization.path("patches").forEach(entry -> listed.add(Manifests.DEPLOY.resolve(entry.path("path").asText()).normalize()));
        assertEquals(Set.copyOf(Manifests.manifestFiles()), listed, "every file under deploy/ is in " + Manifests.KUSTOMIZATION);

        Deployment patch = deploy.deploymentPatch();
        assertEquals(deploy.deployment().getMetadata().getName(), patch.getMetadata().getName());
        List<String> containers = deploy.deployment().getSpec().getTemplate().getSpec().getContainers().stream().map(Container::getName).toList();
        patch.getSpec().getTemplate().getSpec().getContainers()
                .forEach(container -> assertTrue(containers.contains(container.getName()), "the patch names container " + container.getName()));
    }

    @Test
    void the_patch_leaves_the_replica_count_to_the_autoscaler_which_keeps_at_least_two() {
        List<JsonNode> patch = StrictKubernetesYaml.documents(Manifests.read(Manifests.DEPLOYMENT_PATCH));
        assertEquals(1, patch.size(), Manifests.DEPLOYMENT_PATCH + " holds one document");
        JsonNode spec = patch.get(0).path("spec");
        assertTrue(spec.has("replicas") && spec.get("replicas").isNull(),
                "the patch removes spec.replicas (replicas: null), or every apply resets the autoscaler's count: " + spec.get("replicas"));
        HorizontalPodAutoscaler autoscaler = deploy.one(HorizontalPodAutoscaler.class);
        assertTrue(autoscaler.getSpec().getMinReplicas() >= 2, "minReplicas: " + autoscaler.getSpec().getMinReplicas());
        assertTrue(autoscaler.getSpec().getMaxReplicas() >= autoscaler.getSpec().getMinReplicas());
    }

    @Test
    void startup_readiness_and_liveness_probes_ask_the_management_port_for_health() {
        Container hallway = hallwayContainer();
        int management = Integer.parseInt(deploy.property("quarkus.management.port"));
        assertAll(
                () -> assertProbe(hallway, hallway.getStartupProbe(), management, "/q/health/started"),
                () -> assertProbe(hallway, hallway.getReadinessProbe(), management, "/q/health/ready"),
                () -> assertProbe(hallway, hallway.getLivenessProbe(), management, "/q/health/live"));
    }

    @Test
    void every_container_requests_and_limits_cpu_and_memory() {
        List<Container> containers = new ArrayList<>(deploy.deployment().getSpec().getTemplate().getSpec().getContainers());
        List<Container> initContainers = deploy.deployment().getSpec().getTemplate().getSpec().getInitContainers();
        containers.addAll(initContainers == null ? List.of() : initContainers);
        for (Container container : containers) {
            ResourceRequirements resources = container.getResources();
            assertNotNull(resources, container.getName() + " has resources");
            for (String resource : List.of("cpu", "memory")) {
                Quantity request = resources.getRequests().get(resource);
                Quantity limit = resources.getLimits().get(resource);
                assertNotNull(request, container.getName() + " requests " + resource);
                assertNotNull(limit, container.getName() + " limits " + resource);
                assertTrue(request.getNumericalAmount().compareTo(limit.getNumericalAmount()) <= 0,
                        container.getName() + " requests no more " + resource + " than its limit");
            }
        }
    }

    @Test
    void no_manifest_holds_a_secret_value() {
        for (Secret secret : deploy.all(Secret.class)) {
            assertTrue(secret.getData() == null || secret.getData().isEmpty(), "Secret " + secret.getMetadata().getName() + " has data");
            assertTrue(secret.getStringData() == null || secret.getStringData().isEmpty(),
                    "Secret " + secret.getMetadata().getName() + " has stringData");
        }
        for (ConfigMap config : deploy.all(ConfigMap.class)) {
            config.getData().keySet().forEach(key -> assertFalse(SECRET_LIKE.matcher(key).matches(), "ConfigMap holds " + key));
        }
        for (EnvVar variable : hallwayContainer().getEnv()) {
            if (SECRET_LIKE.matcher(variable.getName()).matches()) {
                assertTrue(variable.getValue() == null && variable.getValueFrom().getSecretKeyRef() != null,
                        variable.getName() + " comes from a Secret");
            }
        }
    }

    @Test
    void every_secret_reference_names_a_key_that_the_database_operator_or_the_readme_creates() {
        Map<String, Set<String>> created = SecretsToCreate.inReadme();
        Set<String> madeByDatabaseOperator = new HashSet<>();
        deploy.custom("Cluster").forEach(cluster -> madeByDatabaseOperator.add(cluster.getMetadata().getName() + "-app"));
        for (EnvVar variable : hallwayContainer().getEnv()) {
            if (variable.getValueFrom() == null || variable.getValueFrom().getSecretKeyRef() == null) {
                continue;
            }
            String name = variable.getValueFrom().getSecretKeyRef().getName();
            String key = variable.getValueFrom().getSecretKeyRef().getKey();
            assertFalse(name == null || name.isBlank() || key == null || key.isBlank(), variable.getName() + " names its secret and key");
            if (madeByDatabaseOperator.contains(name)) {
                assertTrue(Set.of("username", "password").contains(key), variable.getName() + ": CloudNativePG's secret has no " + key);
            } else {
                assertTrue(created.getOrDefault(name, Set.of()).contains(key),
                        variable.getName() + ": the README's commands create no key " + key + " in secret " + name + " (" + created + ")");
            }
        }
        deploy.deployment().getSpec().getTemplate().getSpec().getContainers().forEach(container -> {
            if (container.getEnvFrom() != null) {
                container.getEnvFrom().forEach(source -> assertTrue(source.getSecretRef() == null, "secrets by key, not whole"));
            }
        });
    }

    @Test
    void the_disruption_budget_and_the_autoscaler_select_the_deployment() {
        Deployment deployment = deploy.deployment();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();

        PodDisruptionBudget budget = deploy.one(PodDisruptionBudget.class);
        Map<String, String> selected = budget.getSpec().getSelector().getMatchLabels();
        assertFalse(selected.isEmpty());
        assertTrue(podLabels.entrySet().containsAll(selected.entrySet()), "the budget selects Hallway's pods: " + selected);
        IntOrString maxUnavailable = budget.getSpec().getMaxUnavailable();
        assertNotNull(maxUnavailable, "the budget bounds the pods evicted at once");
        HorizontalPodAutoscaler autoscaler = deploy.one(HorizontalPodAutoscaler.class);
        int fewestReplicas = autoscaler.getSpec().getMinReplicas();
        assertTrue(maxUnavailable.getIntVal() != null && maxUnavailable.getIntVal() < fewestReplicas,
                "the budget's maxUnavailable " + maxUnavailable + " leaves some of the autoscaler's minimum of " + fewestReplicas + " replicas");

        assertEquals("apps/v1", autoscaler.getSpec().getScaleTargetRef().getApiVersion());
        assertEquals("Deployment", autoscaler.getSpec().getScaleTargetRef().getKind());
        assertEquals(deployment.getMetadata().getName(), autoscaler.getSpec().getScaleTargetRef().getName());
        assertTrue(autoscaler.getSpec().getMetrics().stream().anyMatch(metric -> "Resource".equals(metric.getType())
                && "cpu".equals(metric.getResource().getName())
                && "Utilization".equals(metric.getResource().getTarget().getType())), "the autoscaler follows CPU");
    }

    @Test
    void pods_spread_across_nodes() {
        Map<String, String> podLabels = deploy.deployment().getSpec().getTemplate().getMetadata().getLabels();
        List<TopologySpreadConstraint> constraints = deploy.deploymentPatch().getSpec().getTemplate().getSpec().getTopologySpreadConstraints();
        assertNotNull(constraints, "the patch spreads the pods");
        TopologySpreadConstraint acrossNodes = constraints.stream()
                .filter(constraint -> "kubernetes.io/hostname".equals(constraint.getTopologyKey()))
                .findFirst().orElseThrow(() -> new AssertionError("no spread across kubernetes.io/hostname"));
        assertEquals("DoNotSchedule", acrossNodes.getWhenUnsatisfiable());
        assertEquals(1, acrossNodes.getMaxSkew());
        Map<String, String> selected = acrossNodes.getLabelSelector().getMatchLabels();
        assertFalse(selected.isEmpty());
        assertTrue(podLabels.entrySet().containsAll(selected.entrySet()), "the spread counts Hallway's pods: " + selected);
    }

    @Test
    void a_terminating_pod_pauses_for_the_ingress_then_has_time_to_finish_its_work() {
        var patch = deploy.deploymentPatch().getSpec().getTemplate().getSpec();
        Container hallway = patch.getContainers().get(0);
        assertNotNull(hallway.getLifecycle(), "the patch sets a preStop pause");
        int pause = hallway.getLifecycle().getPreStop().getSleep().getSeconds().intValue();
        assertTrue(pause > 0, "preStop pause: " + pause);
        String timeout = deploy.applicationProperties.getProperty("quarkus.shutdown.timeout", "0s");
        long shutdown = Duration.parse("PT" + timeout.toUpperCase() + (timeout.matches("\\d+") ? "S" : "")).toSeconds();
        long grace = patch.getTerminationGracePeriodSeconds();
        assertTrue(grace > pause + shutdown,
                "terminationGracePeriodSeconds " + grace + " leaves no time beyond the pause " + pause + " s and quarkus.shutdown.timeout " + timeout);
    }

    private Container hallwayContainer() {
        return deploy.deployment().getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(container -> "hallway".equals(container.getName()))
                .findFirst().orElseThrow(() -> new AssertionError("no container named hallway"));
    }

    private static void assertProbe(Container container, Probe probe, int managementPort, String path) {
        assertNotNull(probe, "a probe on " + path);
        assertNotNull(probe.getHttpGet(), path + " over HTTP");
        assertEquals(path, probe.getHttpGet().getPath());
        IntOrString port = probe.getHttpGet().getPort();
        int number = port.getIntVal() != null ? port.getIntVal()
                : container.getPorts().stream().filter(named -> port.getStrVal().equals(named.getName()))
                        .findFirst().orElseThrow(() -> new AssertionError("no port named " + port.getStrVal())).getContainerPort();
        assertEquals(managementPort, number, path + " on the management port");
    }
}
