package io.hallway.people;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.hallway.common.WireEnum;

/** The kinds of link a profile can carry; each but a website and Mastodon lives on known hosts. */
public enum LinkType implements WireEnum {
    WEBSITE("website", Set.of()),
    GITHUB("github", Set.of("github.com")),
    LINKEDIN("linkedin", Set.of("linkedin.com")),
    MASTODON("mastodon", Set.of()),
    BLUESKY("bluesky", Set.of("bsky.app")),
    X("x", Set.of("x.com", "twitter.com"));

    private final String wireName;
    private final Set<String> hosts;

    LinkType(String wireName, Set<String> hosts) {
        this.wireName = wireName;
        this.hosts = hosts;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static LinkType fromWire(String value) {
        return WireEnum.parse(LinkType.class, value);
    }

    /** Whether the host fits the kind: "www.linkedin.com" is a LinkedIn link, "evil.example" is not. */
    public boolean accepts(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return hosts.isEmpty() || hosts.stream().anyMatch(known -> lower.equals(known) || lower.endsWith("." + known));
    }
}
