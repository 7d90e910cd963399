package io.hallway.people;

import java.util.Locale;
import java.util.Set;

import io.hallway.common.WireEnum;

/** The kinds of link a profile can carry; each but a website and Mastodon lives on known hosts. */
public enum LinkType implements WireEnum {
    WEBSITE(Set.of()),
    GITHUB(Set.of("github.com")),
    LINKEDIN(Set.of("linkedin.com")),
    MASTODON(Set.of()),
    BLUESKY(Set.of("bsky.app")),
    X(Set.of("x.com", "twitter.com"));

    private final Set<String> hosts;

    LinkType(Set<String> hosts) {
        this.hosts = hosts;
    }

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }

    /** Whether the host fits the kind: "www.linkedin.com" is a LinkedIn link, "evil.example" is not. */
    public boolean accepts(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return hosts.isEmpty() || hosts.stream().anyMatch(known -> lower.equals(known) || lower.endsWith("." + known));
    }
}
