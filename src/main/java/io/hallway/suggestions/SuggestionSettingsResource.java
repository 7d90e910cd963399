package io.hallway.suggestions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Roles;
import io.hallway.people.Profile;
import io.hallway.people.SelfService;
import io.hallway.schedule.Event;

/** Whether I want to be suggested and to get suggestions in an event, and from what. Off until I opt in. */
@Path("/api/events/{slug}/me/suggestion-settings")
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ATTENDEE)
@Tag(name = "Hallway track")
public class SuggestionSettingsResource {

    /** One intent with its topics, as I write them. */
    public record IntentRequest(@NotNull Intent intent,
            @Size(max = 10, message = "must be at most 10 topics") List<@NotBlank @Size(max = 60) String> topics) {
    }

    /**
     * {@code optedIn} false takes me out (and forgets the rest); true needs a profile. The {@code use*} switches
     * say what may be used: my interests and company (only where my profile shows them to everyone), the intents
     * below, my bookmarks.
     */
    public record Settings(@NotNull Boolean optedIn, Boolean useInterests, Boolean useIntents, Boolean useBookmarks,
            Boolean useCompany, @Size(max = 5, message = "must be at most 5 intents") List<@NotNull @Valid IntentRequest> intents) {

        static Settings of(SuggestionSetting setting) {
            return new Settings(true, setting.useInterests, setting.useIntents, setting.useBookmarks, setting.useCompany,
                    setting.intents.stream().map(choice -> new IntentRequest(choice.intent(), choice.topics())).toList());
        }

        static final Settings OFF = new Settings(false, false, false, false, false, List.of());
    }

    @Inject
    SelfService selfService;

    @Inject
    SuggestionTerms terms;

    @Inject
    CandidatePool pools;

    @Inject
    SuggestionLocks locks;

    @GET
    @Operation(operationId = "getMySuggestionSettings", summary = "Whether I take part in suggestions for the event, and with what", description = "Off (optedIn false) until I opt in.")
    public Settings mine(@PathParam("slug") String slug) {
        var mine = selfService.mine(slug);
        return mine.me().isEmpty() ? Settings.OFF
                : SuggestionSetting.of(mine.event().id, mine.me().getAsLong()).map(Settings::of).orElse(Settings.OFF);
    }

    @PUT
    @Transactional
    @Operation(operationId = "saveMySuggestionSettings", summary = "Opt in to suggestions, choose what they use, or opt out", description = "Opting in needs a profile in the event (409 otherwise). Only people who opted in are suggested, and only to others who did. A use* switch left out is off. Interests and company are used only while my profile shows them to everyone. Intents: hiring, looking-for-work, can-help-with, learning, meet-speakers, each with up to 10 topics; hiring meets looking-for-work and can-help-with meets learning, on the same topics. meet-speakers raises the linked speakers of the sessions I bookmarked. optedIn false forgets all of it and the suggestions I dismissed stay dismissed.")
    public Settings save(@PathParam("slug") String slug, @Valid @NotNull Settings request) {
        var acting = selfService.acting(slug);
        Event event = acting.event();
        long me = acting.me();
        locks.person(event.id, me);
        SuggestionSetting setting = SuggestionSetting.of(event.id, me).orElse(null);
        if (!request.optedIn()) {
            if (setting != null) {
                setting.delete();
                pools.forget(event.id, me, terms.forget(event.id, me));
            }
            return Settings.OFF;
        }
        if (Profile.of(event.id, me).isEmpty()) {
            throw Problem.of(ProblemType.PROFILE_NEEDED, "Create your profile for this event first: suggestions show it.");
        }
        if (setting == null) {
            setting = new SuggestionSetting();
            setting.eventId = event.id;
            setting.userId = me;
        }
        setting.useInterests = Boolean.TRUE.equals(request.useInterests());
        setting.useIntents = Boolean.TRUE.equals(request.useIntents());
        setting.useBookmarks = Boolean.TRUE.equals(request.useBookmarks());
        setting.useCompany = Boolean.TRUE.equals(request.useCompany());
        setting.intents = intents(request.intents());
        setting.updatedAt = Instant.now();
        setting.persist();
        terms.rebuild(setting);
        return Settings.of(setting);
    }

    /** One entry per intent (the last wins); topics trimmed, "Go" and "go" once. */
    private static List<SuggestionSetting.IntentChoice> intents(List<IntentRequest> requested) {
        Map<Intent, List<String>> intents = new LinkedHashMap<>();
        if (requested != null) {
            for (IntentRequest intent : requested) {
                Map<String, String> topics = new LinkedHashMap<>();
                if (intent.topics() != null) {
                    intent.topics().forEach(topic -> topics.putIfAbsent(topic.strip().toLowerCase(Locale.ROOT), topic.strip()));
                }
                intents.put(intent.intent(), new ArrayList<>(topics.values()));
            }
        }
        return intents.entrySet().stream()
                .map(entry -> new SuggestionSetting.IntentChoice(entry.getKey(), entry.getValue())).toList();
    }
}
