package io.hallway.common;

import java.security.Permission;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TokenIntrospection;
import io.quarkus.oidc.UserInfo;
import io.quarkus.runtime.Startup;
import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens this replica has seen quarkus-oidc accept, remembered until they expire: an app sends the
 * same token with every call, and verifying it each time (the RS256 signature and three parses of its JSON)
 * was a quarter of the CPU of an agenda request.
 * <p>
 * As an identity provider ahead of quarkus-oidc's it answers only for the exact token string it saw accepted,
 * before the token's {@code exp} and within {@code hallway.security.verified-token-max-age} of its check, and
 * otherwise lets quarkus-oidc verify; as the first augmentor it remembers what quarkus-oidc accepted, before
 * any other augmentor adds to it (those run again on every request). Never remembered: tokens whose holder
 * must prove possession on every request (DPoP or certificate-bound, which carry a {@code cnf} claim) and
 * tokens checked by introspection or UserInfo, whose answers can change before the token expires. Each
 * replica verifies for itself: nothing here is shared or needs to be.
 * <p>
 * Made at startup, so that its cache is listed in {@code /q/metrics} before the first signed-in request.
 */
@Startup
@ApplicationScoped
class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest>, SecurityIdentityAugmentor {

    /** Attributes that belong to the request that verified a token, not to the token. */
    private static final Set<String> REQUEST_BOUND = Set.of(RoutingContext.class.getName(),
            HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, AuthenticationRequestContext.class.getName());

    /** What later requests with the same token need of its verified identity. */
    private record Verified(Principal principal, Set<String> roles, Set<Credential> credentials,
            Set<Permission> permissions, Map<String, Object> attributes, Instant expiresAt) {
    }

    /**
     * Set on identities this provider rebuilt from memory. The augmentors run on those too, and one that
     * expired in between must not be stored again for another full period without being verified.
     */
    static final String FROM_MEMORY = VerifiedTokens.class.getName() + ".fromMemory";

    private final Cache<String, Verified> verified;
    private final Duration maxAge;
    private final boolean remembering;
    private final Clock clock;

    @Inject
    VerifiedTokens(SecurityConfig config, MeterRegistry registry) {
        this(config, registry, Clock.systemUTC());
    }

    VerifiedTokens(SecurityConfig config, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        maxAge = config.verifiedTokenMaxAge();
        // A cache of size 0 would still hold an entry until its eviction runs: 0 must mean none at all.
        remembering = config.verifiedTokens() > 0;
        verified = ReplicaCaches.expiring(
                Expiry.creating((String token, Verified v) -> Duration.between(clock.instant(), v.expiresAt())),
                () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()), "verified_tokens", config.verifiedTokens(),
                registry);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /**
     * First of both kinds: as a provider ahead of quarkus-oidc's (which has the default), as an augmentor
     * ahead of all others, so what it keeps is quarkus-oidc's identity, not what other augmentors made of it.
     */
    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!remembering || !(request.getToken() instanceof AccessTokenCredential)) {
            return Uni.createFrom().nullItem();
        }
        Verified known = verified.getIfPresent(request.getToken().getToken());
        if (known == null || !clock.instant().isBefore(known.expiresAt())) {
            return Uni.createFrom().nullItem();
        }
        var identity = QuarkusSecurityIdentity.builder().setPrincipal(known.principal()).addRoles(known.roles())
                .addCredentials(known.credentials()).addPermissions(known.permissions())
                .addAttributes(known.attributes()).addAttribute(FROM_MEMORY, Boolean.TRUE);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            identity.addAttribute(RoutingContext.class.getName(), routing);
        }
        return Uni.createFrom().item(identity.build());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (remembering && credential != null && identity.getAttribute(FROM_MEMORY) == null
                && identity.getPrincipal() instanceof JsonWebToken token && rememberable(identity, token)) {
            Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
            attributes.keySet().removeAll(REQUEST_BOUND);
            // Absent values, such as the provider client when keys are configured rather than discovered.
            attributes.values().removeIf(Objects::isNull);
            Instant expiresAt = Instant.ofEpochSecond(token.getExpirationTime());
            Instant latest = clock.instant().plus(maxAge);
            verified.put(credential.getToken(), new Verified(token, Set.copyOf(identity.getRoles()),
                    Set.copyOf(identity.getCredentials()), Set.copyOf(identity.getPermissions()), Map.copyOf(attributes),
                    expiresAt.isBefore(latest) ? expiresAt : latest));
        }
        return Uni.createFrom().item(identity);
    }

    private static boolean rememberable(SecurityIdentity identity, JsonWebToken token) {
        return token.getExpirationTime() > 0 && !token.containsClaim("cnf")
                && identity.getAttributes().values().stream()
                        .noneMatch(value -> value instanceof TokenIntrospection || value instanceof UserInfo);
    }
}
