package io.hallway.common;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

/** The memory of verified tokens never outlives its bound, whatever order provider and augmentor run in. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VerifiedTokensExpiryTest {

    private static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final String TOKEN = "header.payload.signature";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-10T16:00:00Z"));
    private final VerifiedTokens tokens = new VerifiedTokens(config(), new SimpleMeterRegistry(), clock);

    @Test
    void a_token_verified_by_the_provider_is_answered_from_memory_until_its_bound() {
        tokens.augment(verifiedByProvider(clock.instant().plus(Duration.ofHours(1))), null).await().indefinitely();

        assertNotNull(fromMemory());
        clock.advance(MAX_AGE.plusSeconds(1));
        assertNull(fromMemory());
    }

    @Test
    void an_identity_rebuilt_from_memory_is_never_stored_again() {
        tokens.augment(verifiedByProvider(clock.instant().plus(Duration.ofHours(1))), null).await().indefinitely();
        clock.advance(MAX_AGE.minusSeconds(1));
        SecurityIdentity remembered = fromMemory();
        assertNotNull(remembered);

        // The entry expires between authentication and augmentation of the same request.
        clock.advance(Duration.ofSeconds(2));
        tokens.augment(remembered, null).await().indefinitely();

        assertNull(fromMemory(), "an unverified identity must not renew the memory of its token");
    }

    private SecurityIdentity fromMemory() {
        return tokens.authenticate(new TokenAuthenticationRequest(new AccessTokenCredential(TOKEN)), null)
                .await().indefinitely();
    }

    private static SecurityIdentity verifiedByProvider(Instant expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://keycloak.example.org/realms/hallway");
        claims.setSubject("olivia");
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        return QuarkusSecurityIdentity.builder().setPrincipal(new DefaultJWTCallerPrincipal(TOKEN, "JWT", claims))
                .addRole(Roles.ORGANIZER).addCredential(new AccessTokenCredential(TOKEN)).build();
    }

    private static SecurityConfig config() {
        return new SecurityConfig() {
            @Override
            public int verifiedTokens() {
                return 100;
            }

            @Override
            public Duration verifiedTokenMaxAge() {
                return MAX_AGE;
            }
        };
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
