package io.hallway.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

/**
 * One slot in one room holding several lightning talks in order. Each talk's start follows from its
 * position: the block's start plus position times the event's lightning-talk length.
 */
@Entity
public class LightningBlock extends ScheduleEntity {

    public String title;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Room room;
    public Instant startsAt;
    public Instant endsAt;
    @OneToMany(mappedBy = "block")
    @OrderBy("blockPosition")
    public List<Session> talks = new ArrayList<>();

    /** How many talks of the given length fit into the slot. */
    public int capacity(Duration talkLength) {
        return (int) (Duration.between(startsAt, endsAt).toSeconds() / talkLength.toSeconds());
    }

    /** Gives each talk its start and end from its place in the block. */
    public void layOut(Duration talkLength) {
        for (int position = 0; position < talks.size(); position++) {
            Session talk = talks.get(position);
            talk.blockPosition = position;
            talk.room = room;
            talk.startsAt = startsAt.plus(talkLength.multipliedBy(position));
            talk.endsAt = talk.startsAt.plus(talkLength);
        }
    }

    /** This event's lightning block, or a 404: a lightning block of another event is not found here. */
    public static LightningBlock inEvent(Event event, long id) {
        return inEvent(LightningBlock.class, "lightning block", event, id);
    }
}
