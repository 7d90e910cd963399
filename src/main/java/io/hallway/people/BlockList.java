package io.hallway.people;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.schedule.Event;

/** My blocks with the blocked people as I may see them now: for the list and for my export. */
@ApplicationScoped
class BlockList {

    @Inject
    Blocks blocks;

    @Inject
    Relations relations;

    List<BlockedPersonView> of(Event event, long me) {
        List<Blocks.Row> rows = blocks.madeBy(event.id, me);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Profile> profiles = Profile.toShow(event.id, rows.stream().map(Blocks.Row::blockedId).toList())
                .stream().collect(Collectors.toMap(p -> p.userId, Function.identity()));
        return rows.stream().map(row -> {
            Profile profile = profiles.get(row.blockedId());
            String name = profile == null ? null : nameAsLookedUp(event, profile, me);
            return new BlockedPersonView(profile == null ? null : profile.id, name,
                    row.createdAt().atZone(event.zone()).toOffsetDateTime());
        }).toList();
    }

    /**
     * The name only where the attendee look-up (the block aside) would show it: to a connection, or to a stranger
     * when they are in the directory. A profile id can be guessed and blocked, and must not reveal an unlisted name.
     */
    private String nameAsLookedUp(Event event, Profile profile, long me) {
        Audience audience = relations.audience(event.id, profile.userId, me);
        return audience == Audience.STRANGER && !profile.inDirectory ? null
                : AttendeeView.of(profile, audience).displayName();
    }
}
