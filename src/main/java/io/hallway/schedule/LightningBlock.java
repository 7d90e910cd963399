package io.hallway.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import io.hallway.common.Problem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One slot in one room holding several lightning talks in order. Each talk's start follows from its
 * position: the block's start plus position times the event's lightning-talk length.
 */
@Entity
public class LightningBlock extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Event event;
    public String title;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Room room;
    public Instant startsAt;
    public Instant endsAt;
    @OneToMany(mappedBy = "block")
    @OrderBy("blockPosition")
    public List<Session> talks = new ArrayList<>();
    @Version
    public long version;
    public long revision;
    /** Set on imported rows only: the system it came from and its id there (see io.hallway.interop). */
    public String sourceSystem;
    public String sourceId;

    public static List<LightningBlock> ofEvent(Event event) {
        return list("event = ?1 order by startsAt, id", event);
    }

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

    /** This event's lightning block, if it has one with this id. */
    public static Optional<LightningBlock> findInEvent(Event event, long id) {
        return LightningBlock.<LightningBlock> find("id = ?1 and event = ?2", id, event).firstResultOptional();
    }

    /** This event's lightning block, or a 404: a lightning block of another event is not found here. */
    public static LightningBlock inEvent(Event event, long id) {
        return findInEvent(event, id).orElseThrow(() -> Problem.notFound("No lightning block " + id + " in this event."));
    }
}
