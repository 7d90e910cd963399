package io.hallway.people;

import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.hallway.common.Problem;
import io.hallway.common.Users;
import io.hallway.schedule.Event;
import io.hallway.schedule.ScheduleSnapshots;

/**
 * The events where a person may see, take and delete what is theirs: a published event, and an unpublished
 * one in which they keep something (its organizers unpublished it after the person used it). An unpublished
 * event they keep nothing in does not exist for them, like a nonexistent one, so drafts stay unseen.
 * Creating something new (a code, a scan, a bookmark, feedback) needs a published event.
 */
@ApplicationScoped
public class SelfService {

    @Inject
    Users users;

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    Instance<PersonalData> features;

    /** An event and the caller acting in it, their user id created if this is their first such call. */
    public record Acting(Event event, long me) {
    }

    /** An event and the caller reading or erasing what is theirs in it; no id when they never got one. */
    public record Mine(Event event, OptionalLong me) {
    }

    /** For creating something new: a published event, and the caller's id (created if need be). */
    public Acting acting(String slug) {
        Event event = snapshots.publishedEvent(slug);
        return new Acting(event, users.currentId());
    }

    /** For reading or erasing what is mine: {@link #eventOr404}, and my id only if I already have one. */
    public Mine mine(String slug) {
        Event event = eventOr404(slug);
        return new Mine(event, users.existingId());
    }

    /** For changing what is mine where I need an id either way: {@link #eventOr404}, and my id (created if need be). */
    public Acting actingOnMine(String slug) {
        Event event = eventOr404(slug);
        return new Acting(event, users.currentId());
    }

    public Event eventOr404(String slug) {
        Event event = Event.bySlugOr404(slug);
        var me = users.existingId();
        if (event.published || me.isPresent() && features.stream().anyMatch(f -> f.holds(event.id, me.getAsLong()))) {
            return event;
        }
        throw Problem.notFound("No event '" + slug + "'.");
    }
}
