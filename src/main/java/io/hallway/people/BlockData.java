package io.hallway.people;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.schedule.Event;

/**
 * Blocks are the blocker's data: their export lists whom they blocked, their erasure deletes their blocks. A block
 * against a person is not theirs and survives their erasure: it holds only user ids (nothing of their profile),
 * and it must keep protecting the blocker if the blocked person erases their data and makes a new profile.
 */
@ApplicationScoped
class BlockData implements PersonalData {

    @Inject
    Blocks blocks;

    @Inject
    BlockList blockList;

    @Override
    public String section() {
        return "blocks";
    }

    @Override
    public boolean holds(long eventId, long userId) {
        return blocks.madeAny(eventId, userId);
    }

    @Override
    public Object export(long eventId, long userId) {
        Event event = Event.findById(eventId);
        return holds(eventId, userId) ? blockList.of(event, userId) : null;
    }

    @Override
    public void erase(long eventId, long userId) {
        blocks.eraseMadeBy(eventId, userId);
    }

    @Override
    public Map<String, Long> purge(long eventId) {
        return Map.of("blocks", blocks.purge(eventId));
    }
}
