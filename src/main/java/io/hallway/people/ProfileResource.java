package io.hallway.people;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.hallway.common.Problem;
import io.hallway.common.Roles;
import io.hallway.schedule.Event;

/** My own profile: readable and editable on an unpublished event I keep something in ({@link SelfService}). */
@Path("/api/events/{slug}/me/profile")
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ATTENDEE)
@Tag(name = "People")
public class ProfileResource {

    @Inject
    EntityManager entityManager;

    @Inject
    SelfService selfService;

    @Inject
    jakarta.enterprise.event.Event<ProfileSaved> saved;

    @GET
    @Operation(operationId = "getMyProfile", summary = "My profile for the event, with the visibility of each field", description = "Before the first PUT this is an empty profile with the private defaults and no id.")
    public ProfileView profile(@PathParam("slug") String slug) {
        var mine = selfService.mine(slug);
        Event event = mine.event();
        var me = mine.me();
        Profile profile = me.isPresent() ? Profile.of(event.id, me.getAsLong()).orElse(null) : null;
        if (profile == null) {
            profile = new Profile();
            profile.eventId = event.id;
        }
        return ProfileView.from(profile);
    }

    @PUT
    @Transactional
    @Operation(operationId = "saveMyProfile", summary = "Create or replace my profile for the event", description = "Every field is replaced; a visibility left out is its private default. The profile is listed in the directory only with inDirectory: true. 201 for the first save, 200 after.")
    public RestResponse<ProfileView> save(@PathParam("slug") String slug, @Valid @NotNull ProfileRequest request) {
        var acting = selfService.actingOnMine(slug);
        Event event = acting.event();
        long me = acting.me();
        // Two devices saving a first profile at once must agree on one row, so create it under the unique key.
        int created = entityManager.createNativeQuery("""
                insert into profile (event_id, user_id) values (?1, ?2) on conflict (event_id, user_id) do nothing""")
                .setParameter(1, event.id).setParameter(2, me).executeUpdate();
        Profile profile = Profile.of(event.id, me).orElseThrow();
        apply(profile, request);
        Profile.flush();
        saved.fire(new ProfileSaved(event.id, me));
        return created == 1 ? RestResponse.status(RestResponse.Status.CREATED, ProfileView.from(profile))
                : RestResponse.ok(ProfileView.from(profile));
    }

    private static void apply(Profile profile, ProfileRequest request) {
        profile.displayName = blankToNull(request.displayName());
        profile.pronouns = blankToNull(request.pronouns());
        profile.headline = blankToNull(request.headline());
        profile.company = blankToNull(request.company());
        profile.bio = blankToNull(request.bio());
        profile.interests = interests(request.interests());
        profile.links = links(request.links());
        profile.photoUrl = request.photoUrl() == null ? null : webUrl("photoUrl", request.photoUrl());
        profile.email = blankToNull(request.email());
        profile.phone = blankToNull(request.phone());
        profile.visibility = request.visibility() == null ? Profile.defaultVisibility()
                : request.visibility().toStored();
        profile.inDirectory = Boolean.TRUE.equals(request.inDirectory());
        profile.touch();
    }

    /** Trimmed, and "Kubernetes" and "kubernetes" count once: the first spelling wins. */
    private static List<String> interests(List<String> requested) {
        Map<String, String> unique = new LinkedHashMap<>();
        if (requested != null) {
            requested.forEach(tag -> unique.putIfAbsent(tag.strip().toLowerCase(Locale.ROOT), tag.strip()));
        }
        return new ArrayList<>(unique.values());
    }

    private static List<Link> links(List<Link> requested) {
        List<Link> links = new ArrayList<>();
        if (requested == null) {
            return links;
        }
        for (int i = 0; i < requested.size(); i++) {
            Link link = requested.get(i);
            String field = "links[" + i + "].url";
            String url = webUrl(field, link.url());
            if (!link.type().accepts(URI.create(url).getHost())) {
                throw Problem.invalid(field, "is not a " + link.type().wireName() + " address");
            }
            links.add(new Link(link.type(), url));
        }
        return links;
    }

    /** An absolute http(s) URL with a host: anything else (javascript:, data:, relative) is refused. */
    private static String webUrl(String field, String value) {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getUserInfo() == null) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // reported below like any other unusable address
        }
        throw Problem.invalid(field, "must be an http or https address such as https://example.org");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
