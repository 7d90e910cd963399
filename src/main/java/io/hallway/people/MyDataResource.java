package io.hallway.people;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Roles;
import io.hallway.schedule.Event;

/**
 * What the server keeps about me in an event: to take away (export) and to erase. Each feature answers for
 * its own part ({@link PersonalData}). Both work on an unpublished event I keep something in ({@link SelfService}).
 */
@Path("/api/events/{slug}/me")
@RolesAllowed(Roles.ATTENDEE)
@Tag(name = "My data")
public class MyDataResource {

    @Inject
    Instance<PersonalData> features;

    @Inject
    SelfService selfService;

    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "exportMyData", summary = "Everything stored about me in this event, as one JSON document", description = "\"event\" and \"exportedAt\", then one member per feature, in this order (a feature that keeps nothing about me may leave its member out): \"agenda\" (bookmarks, the calendar link's creation time, the changes recorded for me, my session feedback), \"audit\" (the changes I made as an organizer of the event), \"blocks\" (the people I blocked), \"exchange\" (my side of each connection with my note and star, when and how I met someone whose connection I removed while they kept it, my codes' timestamps, never the codes), \"invitations\" (the team invitations I made or redeemed, never their tokens), \"meetings\" (who may ask me to meet, every meet-up I am in as I see it, and the causes I was told one no longer fits for), \"notifications\" (my push subscriptions without their keys, the kinds I chose, and each notification made for me with how far it got), \"offlineExchange\" (when my offline exchange secret was made and last rotated, never the secret), \"profile\" (my profile), \"reports\" (the code-of-conduct reports I made, without the organizers' notes), \"speaking\" (the speaker records my account is linked to, and the invitations to link one that I made or redeemed, never their tokens), \"suggestions\" (my hallway-track settings: whether I opted in, what it may use, my intents; the terms made from them that I can be matched on; and the people I dismissed, by profile id), \"team\" (my membership of the event's team: role, rooms, the name from my sign-in, when I joined). Nothing another person stored: blocks and reports about me are theirs.")
    public Response export(@PathParam("slug") String slug) {
        var mine = selfService.mine(slug);
        Event event = mine.event();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("event", event.slug);
        document.put("exportedAt", Instant.now());
        var me = mine.me();
        if (me.isPresent()) {
            for (PersonalData feature : inOrder()) {
                Object part = feature.export(event.id, me.getAsLong());
                if (part != null) {
                    document.put(feature.section(), part);
                }
            }
        }
        return Response.ok(document).header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Content-Disposition", "attachment; filename=\"" + event.slug + "-my-data.json\"").build();
    }

    @DELETE
    @Transactional
    @Operation(operationId = "eraseMyData", summary = "Erase everything stored about me in this event", description = "My profile, codes, offline exchange secret, connections and notes, bookmarks, calendar link, change feed, session feedback, push subscriptions, notification choices and the notifications made for me (one not yet sent is not sent), my hallway-track settings, terms and pool, my place in other people's pools and the suggestion dismissals I made or that name me, my meet-up setting and every meet-up I am in (whoever asked: it leaves the other person's agenda too), my links to speaker records (the records stay in the schedule), my membership of the team (even as its last owner), my blocks and the code-of-conduct reports I made; blocks and reports other people made about me stay, as theirs. The changes I made as an organizer stay in the event's audit log, and the team and speaker invitations I made or redeemed stay as the organizers' record, all without me. Each connection goes for both sides: the other person keeps only what they saved on their own device. Other people's ratings stay; my other events are untouched.")
    public void erase(@PathParam("slug") String slug) {
        var mine = selfService.mine(slug);
        if (mine.me().isPresent()) {
            inOrder().forEach(feature -> feature.erase(mine.event().id, mine.me().getAsLong()));
        }
    }

    private List<PersonalData> inOrder() {
        return features.stream().sorted(Comparator.comparing(PersonalData::section)).toList();
    }
}
