package io.hallway.common;

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

/**
 * Tokens verified with a configured public key instead of a discovered key set, as an operator without a
 * reachable provider (and the benchmarks) run it: accepted once and again from memory, roles intact.
 */
@QuarkusTest
@TestProfile(ConfiguredKeyTokensTest.ConfiguredKey.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConfiguredKeyTokensTest {

    public static class ConfiguredKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.devservices.enabled", "false",
                    // No provider at all: once an earlier test class in this JVM has started the OIDC dev server,
                    // its URL stays in the configuration of every later start, and with a URL OIDC discovers the
                    // dev server's keys instead of using the configured one. An empty value unsets it.
                    "quarkus.oidc.auth-server-url", "",
                    "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(ProductionTokensTest.publicKey().getEncoded()),
                    "quarkus.oidc.token.issuer", ProductionTokensTest.ISSUER,
                    "quarkus.oidc.token.audience", "hallway",
                    "quarkus.oidc.roles.role-claim-path", "realm_access/roles");
        }
    }

    @Test
    void a_token_checked_with_a_configured_key_is_accepted_again_with_its_roles() {
        String organizer = token("olivia-by-key", "organizer");
        String attendee = token("ada-by-key", "attendee");
        for (int call = 0; call < 2; call++) {
            Api.as(organizer).get("/api/admin/events").then().statusCode(200);
            Api.as(attendee).body("{}").post("/api/admin/events").then().statusCode(403);
        }
    }

    private static String token(String subject, String role) {
        return Jwt.issuer(ProductionTokensTest.ISSUER).audience("hallway").subject(subject)
                .claim("realm_access", Map.of("roles", List.of(role))).expiresIn(600)
                .jws().sign(ProductionTokensTest.privateKey());
    }
}
