package io.hallway.schedule;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** A lightning-talk block: its slot, and its talks in running order. */
public record BlockView(long id, String title, long roomId, OffsetDateTime startsAt, OffsetDateTime endsAt,
        List<Long> talkIds, long version) {

    public static BlockView from(LightningBlock block, ZoneId zone) {
        return new BlockView(block.id, block.title, block.room.id, block.startsAt.atZone(zone).toOffsetDateTime(),
                block.endsAt.atZone(zone).toOffsetDateTime(), block.talks.stream().map(t -> t.id).toList(),
                block.version);
    }
}
