package io.hallway.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.hallway.common.Problem;
import io.hallway.common.Users;
import io.hallway.schedule.Event;

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
    Instance<PersonalData> features;

    public Event eventOr404(String slug) {
        Event event = Event.bySlugOr404(slug);
        var me = users.existingId();
        if (event.published || me.isPresent() && features.stream().anyMatch(f -> f.holds(event.id, me.getAsLong()))) {
            return event;
        }
        throw Problem.notFound("No event '" + slug + "'.");
    }
}
