package io.hallway.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * A replica remembers the tokens it verified, and only as long and as far as that is safe. Against the
 * stand-in Keycloak of {@link ProductionTokensTest}, whose keys sign tokens of any lifetime and content; the
 * remembered answers are read from the cache's metrics.
 */
@QuarkusTest
@TestProfile(ProductionTokensTest.KeycloakLayout.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VerifiedTokensTest {

    @Test
    void a_token_sent_again_is_answered_from_memory_with_its_roles() {
        String organizer = sign(token("olivia-again", "organizer"));
        String attendee = sign(token("ada-again", "attendee"));
        Api.as(organizer).get("/api/admin/events").then().statusCode(200);
        Api.as(attendee).body("{}").post("/api/admin/events").then().statusCode(403);
        double hits = gets("hit");

        Api.as(organizer).get("/api/admin/events").then().statusCode(200);
        Api.as(attendee).body("{}").post("/api/admin/events").then().statusCode(403);

        assertEquals(hits + 2, gets("hit"));
    }

    @Test
    void a_remembered_token_is_refused_once_it_expires() throws InterruptedException {
        String shortLived = sign(token("olivia-briefly", "organizer").expiresIn(2));
        Api.as(shortLived).get("/api/admin/events").then().statusCode(200);
        double hits = gets("hit");
        Api.as(shortLived).get("/api/admin/events").then().statusCode(200);
        assertEquals(hits + 1, gets("hit"));

        Thread.sleep(3_000);

        Api.as(shortLived).get("/api/admin/events").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_token_bound_to_a_key_is_verified_on_every_request() {
        String bound = sign(token("olivia-with-dpop", "organizer").claim("cnf", Map.of("jkt", "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I")));
        double hits = gets("hit");
        double misses = gets("miss");

        Api.as(bound).get("/api/admin/events").then().statusCode(200);
        Api.as(bound).get("/api/admin/events").then().statusCode(200);

        assertEquals(hits, gets("hit"));
        assertEquals(misses + 2, gets("miss"));
    }

    @Test
    void a_remembered_token_with_another_signature_or_payload_is_verified_afresh_and_refused() {
        String attendee = sign(token("bruno-tampering", "attendee"));
        Api.as(attendee).body("{}").post("/api/admin/events").then().statusCode(403);
        Api.as(attendee).body("{}").post("/api/admin/events").then().statusCode(403);
        String[] parts = attendee.split("\\.");

        String otherSignature = parts[0] + "." + parts[1] + "." + flipFirst(parts[2]);
        Api.as(otherSignature).get("/api/admin/events").then().statusCode(401);

        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"attendee\"", "\"organizer\"");
        String promoted = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        Api.as(promoted).get("/api/admin/events").then().statusCode(401);
    }

    private static JwtClaimsBuilder token(String subject, String role) {
        return Jwt.issuer(ProductionTokensTest.ISSUER).audience("hallway").subject(subject)
                .claim("realm_access", Map.of("roles", List.of(role))).expiresIn(600);
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("test").sign(ProductionTokensTest.privateKey());
    }

    private static String flipFirst(String base64url) {
        return (base64url.charAt(0) == 'A' ? 'B' : 'A') + base64url.substring(1);
    }

    /** cache_gets_total of the verified-token cache with this result (hit or miss). */
    private static double gets(String result) {
        String metrics = Api.management().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher gets = Pattern.compile("cache_gets_total\\{(?=[^}]*cache=\"verified_tokens\")(?=[^}]*result=\"" + result
                + "\")[^}]*} ([0-9.Ee+-]+)").matcher(metrics);
        assertTrue(gets.find(), "no cache_gets_total for " + result + " in " + metrics);
        return Double.parseDouble(gets.group(1));
    }
}
