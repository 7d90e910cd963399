package io.hallway.common;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hallway.security")
public interface SecurityConfig {

    /** Verified bearer tokens each replica remembers (about 3 KB each); 0 verifies every request. */
    @WithDefault("50000")
    int verifiedTokens();

    /**
     * The longest a replica accepts a token it verified without verifying it again, even if the token
     * lives longer: the bound on how long a key withdrawn by the identity provider still works here.
     */
    @WithDefault("5m")
    Duration verifiedTokenMaxAge();
}
