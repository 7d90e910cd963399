package io.hallway.people;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Page;
import io.hallway.common.PageRequest;
import io.hallway.common.Problem;
import io.hallway.common.Roles;
import io.hallway.common.Users;
import io.hallway.schedule.Event;
import io.hallway.schedule.ScheduleSnapshots;

@Path("/api/events/{slug}/attendees")
@RolesAllowed(Roles.ATTENDEE)
@Tag(name = "People")
public class DirectoryResource {

    /**
     * Listed profiles only, and a search matches a field only where its owner made it 'everyone':
     * otherwise a search for a hidden company or interest would reveal it. Nobody I blocked or who blocked me.
     */
    private static final String DIRECTORY = """
            from profile p where p.event_id = :event and p.in_directory
            and """ + Blocks.neitherBlocks("p.event_id", "p.user_id", "cast(:me as bigint)") + """

            and (cast(:q as text) is null
                or (p.visibility ->> 'displayName' = 'everyone' and p.display_name ilike :q escape '\\')
                or (p.visibility ->> 'headline' = 'everyone' and p.headline ilike :q escape '\\')
                or (p.visibility ->> 'company' = 'everyone' and p.company ilike :q escape '\\'))
            and (cast(:interest as text) is null
                or (p.visibility ->> 'interests' = 'everyone' and exists (
                    select 1 from jsonb_array_elements_text(p.interests) i where lower(i) = lower(:interest))))""";

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    EntityManager entityManager;

    @Inject
    Users users;

    @Inject
    Relations relations;

    @Inject
    Blocks blocks;

    @GET
    @Operation(operationId = "listAttendees", summary = "The attendee directory: profiles whose owners opted in, with their 'everyone' fields", description = "q searches name, headline and company; interest matches one interest exactly (any case). Nobody I blocked or who blocked me is listed.")
    @SuppressWarnings("unchecked")
    public Page<AttendeeView> directory(@PathParam("slug") String slug,
            @QueryParam("q") @Size(max = 100, message = "must be at most 100 characters") String q,
            @QueryParam("interest") @Size(max = 32, message = "must be at most 32 characters") String interest,
            @Valid @BeanParam PageRequest page) {
        Event event = snapshots.publishedEvent(slug);
        String pattern = q == null || q.isBlank() ? null : "%" + q.strip().replaceAll("([\\\\%_])", "\\\\$1") + "%";
        String tag = interest == null || interest.isBlank() ? null : interest.strip();
        Long me = users.existingId().isPresent() ? users.existingId().getAsLong() : null;
        long total = ((Number) bind(entityManager.createNativeQuery("select count(*) " + DIRECTORY), event, me, pattern, tag)
                .getSingleResult()).longValue();
        List<Profile> profiles = bind(entityManager.createNativeQuery("select p.* " + DIRECTORY
                + " order by case when p.visibility ->> 'displayName' = 'everyone' then lower(p.display_name) end nulls last, p.id",
                Profile.class), event, me, pattern, tag)
                .setFirstResult(page.offset()).setMaxResults(page.size).getResultList();
        List<AttendeeView> items = profiles.stream().map(p -> AttendeeView.of(p, Audience.STRANGER)).toList();
        return new Page<>(items, page.page, page.size, total, (int) ((total + page.size - 1) / page.size));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getAttendee", summary = "One attendee as I may see them", description = "Directory fields for a listed stranger, also their 'connections' fields when they share with me. Someone neither listed nor sharing with me is not found, nor is someone I blocked or who blocked me.")
    public AttendeeView attendee(@PathParam("slug") String slug, @PathParam("id") long id) {
        Event event = snapshots.publishedEvent(slug);
        Problem notFound = Problem.notFound("No attendee " + id + " in this event.");
        Profile profile = Profile.inEvent(event.id, id).orElseThrow(() -> notFound);
        var me = users.existingId();
        Audience audience = me.isPresent() ? relations.audience(event.id, profile.userId, me.getAsLong()) : Audience.STRANGER;
        if (audience == Audience.STRANGER && !profile.inDirectory
                || me.isPresent() && blocks.eitherBlocks(event.id, profile.userId, me.getAsLong())) {
            throw notFound;
        }
        return AttendeeView.of(profile, audience);
    }

    private static Query bind(Query query, Event event, Long me, String pattern, String interest) {
        return query.setParameter("event", event.id).setParameter("me", me).setParameter("q", pattern)
                .setParameter("interest", interest);
    }
}
