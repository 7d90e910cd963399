package io.hallway.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.hamcrest.Matchers.*;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Tokens laid out as Keycloak issues them, checked the way production checks them: keys discovered from
 * the provider's metadata, issuer, audience, signature, expiry, and roles from realm_access/roles (the
 * default claim path). A small local server stands in for Keycloak's discovery and key endpoints.
 */
@QuarkusTest
@TestProfile(ProductionTokensTest.KeycloakLayout.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProductionTokensTest {

    static final String ISSUER = "https://keycloak.test/realms/hallway";
    static final Path KEYS = Path.of("target", "test-keys");
    /** Calls to the stand-in's introspection endpoint, in a system property: every class loader sees it. */
    private static final String INTROSPECTIONS = "hallway.test.fake-keycloak.introspections";

    static int introspections() {
        return Integer.getInteger(INTROSPECTIONS, 0);
    }

    /** Production's OIDC settings against the stand-in provider. */
    public static class KeycloakLayout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.devservices.enabled", "false",
                    "quarkus.oidc.auth-server-url", FakeKeycloak.url(),
                    "quarkus.oidc.token.issuer", ISSUER,
                    "quarkus.oidc.token.audience", "hallway",
                    // A confidential client, as a deployment that allows introspection would have.
                    "quarkus.oidc.client-id", "hallway",
                    "quarkus.oidc.credentials.secret", "hallway-client-secret",
                    "quarkus.oidc.roles.role-claim-path", "realm_access/roles");
        }
    }

    /** Serves OIDC discovery and the realm's public key (JWKS), as Keycloak does. */
    static final class FakeKeycloak {
        private static HttpServer server;

        static synchronized String url() {
            if (server == null) {
                try {
                    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/hallway";
                serve("/realms/hallway/.well-known/openid-configuration", "{\"issuer\":\"" + ISSUER
                        + "\",\"jwks_uri\":\"" + base + "/protocol/openid-connect/certs\",\"token_endpoint\":\""
                        + base + "/protocol/openid-connect/token\",\"introspection_endpoint\":\""
                        + base + "/protocol/openid-connect/token/introspect\",\"userinfo_endpoint\":\""
                        + base + "/protocol/openid-connect/userinfo\"}");
                serve("/realms/hallway/protocol/openid-connect/certs", jwks());
                // Keycloak answers a client without introspection rights like this; each call is counted.
                server.createContext("/realms/hallway/protocol/openid-connect/token/introspect", exchange -> {
                    synchronized (System.getProperties()) {
                        System.setProperty(INTROSPECTIONS, Integer.toString(introspections() + 1));
                    }
                    byte[] body = "{\"error\":\"unauthorized_client\",\"error_description\":\"Client not allowed.\"}"
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(403, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
            }
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/hallway";
        }

        private static void serve(String path, String json) {
            server.createContext(path, exchange -> {
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
        }

        private static String jwks() {
            RSAPublicKey key = publicKey();
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"test\",\"n\":\""
                    + url.encodeToString(unsigned(key.getModulus().toByteArray())) + "\",\"e\":\""
                    + url.encodeToString(unsigned(key.getPublicExponent().toByteArray())) + "\"}]}";
        }

        private static byte[] unsigned(byte[] bytes) {
            return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
        }
    }

    @Test
    void a_keycloak_token_with_the_organizer_realm_role_opens_the_admin_api() {
        Api.as(token().jws().keyId("test").sign(privateKey())).get("/api/admin/events").then().statusCode(200);
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        Api.as(token().audience("some-other-client").jws().keyId("test").sign(privateKey())).get("/api/admin/events").then().statusCode(401);
    }

    @Test
    void a_token_from_another_issuer_is_refused() {
        Api.as(token().issuer("https://evil.test/realms/hallway").jws().keyId("test").sign(privateKey())).get("/api/admin/events").then()
                .statusCode(401);
    }

    @Test
    void an_expired_token_is_refused() {
        Api.as(token().issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))
                .jws().keyId("test").sign(privateKey())).get("/api/admin/events").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void a_token_signed_with_another_key_is_refused() throws Exception {
        var stranger = KeyPairGenerator.getInstance("RSA");
        stranger.initialize(2048);
        Api.as(token().jws().keyId("test").sign(stranger.generateKeyPair().getPrivate())).get("/api/admin/events").then().statusCode(401);
    }

    @Test
    void a_token_that_is_not_a_jwt_is_refused_without_asking_the_provider() {
        int before = introspections();
        for (String garbage : List.of("garbage", "a.b.c", "eyJhbGciOiJub25lIn0.e30.", "x".repeat(4000))) {
            Api.as(garbage).get("/api/admin/events").then().statusCode(401).contentType("application/problem+json");
        }
        assertEquals(before, introspections());
    }

    @Test
    void a_jwt_signed_by_a_key_the_provider_does_not_publish_is_refused_without_asking_the_provider() throws Exception {
        var stranger = KeyPairGenerator.getInstance("RSA");
        stranger.initialize(2048);
        int before = introspections();
        Api.as(token().jws().keyId("unknown").sign(stranger.generateKeyPair().getPrivate())).get("/api/admin/events")
                .then().statusCode(401);
        assertEquals(before, introspections());
    }

    @Test
    void roles_outside_realm_access_do_not_count() {
        String groupsOnly = Jwt.issuer(ISSUER).audience("hallway").subject("mallory")
                .groups(java.util.Set.of("organizer")).expiresIn(600).jws().keyId("test").sign(privateKey());
        Api.as(groupsOnly).body("{}").post("/api/admin/events").then().statusCode(403);
    }

    private static JwtClaimsBuilder token() {
        return Jwt.issuer(ISSUER).audience("hallway").subject("olivia-in-keycloak")
                .claim("realm_access", Map.of("roles", List.of("organizer", "attendee"))).expiresIn(600);
    }

    /** The key pair lives in files: the profile and the test may run in different class loaders. */
    private static synchronized void ensureKeys() {
        try {
            if (Files.exists(KEYS.resolve("private.der"))) {
                return;
            }
            Files.createDirectories(KEYS);
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            Files.write(KEYS.resolve("private.der"), pair.getPrivate().getEncoded());
            Files.write(KEYS.resolve("public.der"), pair.getPublic().getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAPublicKey publicKey() {
        ensureKeys();
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Files.readAllBytes(KEYS.resolve("public.der"))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey privateKey() {
        ensureKeys();
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(KEYS.resolve("private.der"))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
