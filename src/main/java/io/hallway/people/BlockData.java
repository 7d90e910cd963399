package io.hallway.people;

import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.hallway.schedule.Event;

/**
 * Blocks are the blocker's data: their export lists whom they blocked, their erasure deletes their blocks. A block
 * against a person is not theirs and survives their erasure: it holds only user ids (nothing of their profile),
 * and it must keep protecting the blocker if the blocked person erases their data and makes a new profile.
 */
@Singleton
class BlockData {

    @Produces
    @Singleton
    PersonalData blocks(Blocks blocks, BlockList blockList) {
        return new PersonalSection("blocks", Map.of("person_block", PersonalData.AfterPurge.NONE), blocks::madeAny,
                (eventId, userId) -> blocks.madeAny(eventId, userId)
                        ? blockList.of(Event.findById(eventId), userId) : null,
                blocks::eraseMadeBy, eventId -> Map.of("blocks", blocks.purge(eventId)));
    }
}
