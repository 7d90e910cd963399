package io.hallway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;

/**
 * The resources the operators act on (CloudNativePG's Cluster, the Keycloak Operator's Keycloak and
 * KeycloakRealmImport), which fabric8 has no model of, against what Hallway expects of its database and of
 * its identity provider (README, "Keycloak realm").
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OperatorResourcesTest {

    private final Manifests deploy = Manifests.load();

    @Test
    void hallway_reaches_a_three_instance_cloudnativepg_cluster_through_its_read_write_service() {
        URI jdbc = jdbcUrl();
        GenericKubernetesResource cluster = databaseCluster();
        assertEquals("postgresql.cnpg.io/v1", cluster.getApiVersion());
        assertEquals(3, (Integer) cluster.get("spec", "instances"));
        assertEquals("/" + cluster.get("spec", "bootstrap", "initdb", "database"), jdbc.getPath());

        String appSecret = cluster.getMetadata().getName() + "-app";
        assertEquals(appSecret, secretOf("QUARKUS_DATASOURCE_USERNAME").getName());
        assertEquals(appSecret, secretOf("QUARKUS_DATASOURCE_PASSWORD").getName());
        assertEquals("password", secretOf("QUARKUS_DATASOURCE_PASSWORD").getKey());
    }

    @Test
    void the_database_takes_a_full_pool_from_every_replica_the_autoscaler_may_start() {
        GenericKubernetesResource cluster = databaseCluster();
        int maxConnections = Integer.parseInt(cluster.get("spec", "postgresql", "parameters", "max_connections"));
        int pool = Integer.parseInt(config("QUARKUS_DATASOURCE_JDBC_MAX_SIZE"));
        int replicas = deploy.one(HorizontalPodAutoscaler.class).getSpec().getMaxReplicas();
        assertTrue(maxConnections > replicas * pool, "max_connections " + maxConnections + " for " + replicas + " replicas of " + pool);
    }

    @Test
    void keycloak_imports_the_hallway_realm_with_its_roles_into_the_keycloak_defined_here() {
        GenericKubernetesResource keycloak = deploy.oneCustom("Keycloak");
        GenericKubernetesResource realmImport = deploy.oneCustom("KeycloakRealmImport");
        assertEquals(keycloak.getMetadata().getName(), realmImport.get("spec", "keycloakCRName"));
        assertEquals("hallway", realmImport.get("spec", "realm", "realm"));

        List<Map<String, Object>> roles = realmImport.get("spec", "realm", "roles", "realm");
        List<Object> names = roles.stream().map(role -> role.get("name")).toList();
        for (String role : List.of("attendee", "organizer", deploy.property("hallway.team.admin-role"))) {
            assertTrue(names.contains(role), "realm role " + role + " in " + names);
        }
        String defaultRole = realmImport.get("spec", "realm", "defaultRole", "name");
        Map<String, Object> defaults = roles.stream().filter(role -> defaultRole.equals(role.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("the default role " + defaultRole + " is defined"));
        assertTrue(GenericKubernetesResource.<List<String>> get(defaults, "composites", "realm").contains("attendee"),
                "everyone is an attendee");
    }

    @Test
    void the_hallway_client_is_public_with_pkce_and_its_access_tokens_name_the_audience_hallway_checks() {
        List<Map<String, Object>> clients = deploy.oneCustom("KeycloakRealmImport").get("spec", "realm", "clients");
        String clientId = deploy.property("%prod.quarkus.oidc.client-id");
        Map<String, Object> client = clients.stream().filter(candidate -> clientId.equals(candidate.get("clientId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no client " + clientId));
        assertEquals(true, client.get("publicClient"));
        assertEquals(true, client.get("standardFlowEnabled"));
        assertEquals("S256", GenericKubernetesResource.get(client, "attributes", "pkce.code.challenge.method"));

        List<Map<String, Object>> mappers = GenericKubernetesResource.get(client, "protocolMappers");
        Map<String, Object> audience = mappers.stream().filter(mapper -> "oidc-audience-mapper".equals(mapper.get("protocolMapper")))
                .findFirst().orElseThrow(() -> new AssertionError("no audience mapper"));
        assertEquals(deploy.property("%prod.quarkus.oidc.token.audience"),
                GenericKubernetesResource.get(audience, "config", "included.client.audience"));
        assertEquals("true", GenericKubernetesResource.get(audience, "config", "access.token.claim"));
    }

    @Test
    void hallway_trusts_the_issuer_that_keycloak_serves_the_realm_at() {
        GenericKubernetesResource keycloak = deploy.oneCustom("Keycloak");
        String realm = deploy.oneCustom("KeycloakRealmImport").get("spec", "realm", "realm");
        assertEquals(keycloak.get("spec", "hostname", "hostname") + "/realms/" + realm, config("QUARKUS_OIDC_AUTH_SERVER_URL"));
        assertNotNull(keycloak.get("spec", "http", "tlsSecret"), "Keycloak serves over TLS");
    }

    /** The Cluster whose read-write service (its name and "-rw") the JDBC URL names. */
    private GenericKubernetesResource databaseCluster() {
        String host = jdbcUrl().getHost();
        return deploy.custom("Cluster").stream().filter(cluster -> host.equals(cluster.getMetadata().getName() + "-rw"))
                .findFirst().orElseThrow(() -> new AssertionError("no Cluster whose read-write service is " + host));
    }

    private URI jdbcUrl() {
        return URI.create(config("QUARKUS_DATASOURCE_JDBC_URL").substring("jdbc:".length()));
    }

    private String config(String key) {
        String value = deploy.one(ConfigMap.class).getData().get(key);
        assertNotNull(value, "hallway-config sets " + key);
        return value;
    }

    private SecretKeySelector secretOf(String variable) {
        EnvVar env = deploy.deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(candidate -> variable.equals(candidate.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("the Deployment sets " + variable));
        return env.getValueFrom().getSecretKeyRef();
    }
}
