package io.hallway.common;

import static org.hamcrest.Matchers.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Tokens laid out as Keycloak issues them, checked the way production checks them: issuer, audience,
 * signature, expiry, and roles from realm_access/roles (the default claim path).
 */
@QuarkusTest
@TestProfile(ProductionTokensTest.KeycloakLayout.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProductionTokensTest {

    static final String ISSUER = "https://keycloak.test/realms/hallway";
    static final Path KEYS = Path.of("target", "test-keys");

    /** Production's OIDC settings with a key pair of the test's own instead of a live Keycloak. */
    public static class KeycloakLayout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.devservices.enabled", "false",
                    "quarkus.oidc.public-key", publicKey(),
                    "quarkus.oidc.token.issuer", ISSUER,
                    "quarkus.oidc.token.audience", "hallway",
                    "quarkus.oidc.roles.role-claim-path", "realm_access/roles");
        }
    }

    @Test
    void a_keycloak_token_with_the_organizer_realm_role_opens_the_admin_api() {
        Api.as(token().sign(privateKey())).get("/api/admin/events").then().statusCode(200);
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        Api.as(token().audience("some-other-client").sign(privateKey())).get("/api/admin/events").then().statusCode(401);
    }

    @Test
    void a_token_from_another_issuer_is_refused() {
        Api.as(token().issuer("https://evil.test/realms/hallway").sign(privateKey())).get("/api/admin/events").then()
                .statusCode(401);
    }

    @Test
    void an_expired_token_is_refused() {
        Api.as(token().issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))
                .sign(privateKey())).get("/api/admin/events").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void a_token_signed_with_another_key_is_refused() throws Exception {
        var stranger = KeyPairGenerator.getInstance("RSA");
        stranger.initialize(2048);
        Api.as(token().sign(stranger.generateKeyPair().getPrivate())).get("/api/admin/events").then().statusCode(401);
    }

    @Test
    void roles_outside_realm_access_do_not_count() {
        String groupsOnly = Jwt.issuer(ISSUER).audience("hallway").subject("mallory")
                .groups(java.util.Set.of("organizer")).expiresIn(600).sign(privateKey());
        Api.as(groupsOnly).get("/api/admin/events").then().statusCode(403);
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

    static String publicKey() {
        ensureKeys();
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(KEYS.resolve("public.der")));
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
