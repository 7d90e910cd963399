package io.hallway.exchange;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Roles;
import io.hallway.common.Versions;
import io.hallway.schedule.Event;

/** Organizer switches for profiles and the exchange. Organizers never read anyone's connections or notes. */
@Path("/api/admin/events/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ORGANIZER)
@SecurityRequirement(name = "bearer")
@Tag(name = "Admin: people")
public class SettingsAdminResource {

    @Inject
    ExchangeConfig config;

    @Inject
    EntityManager entityManager;

    @GET
    @Path("settings")
    @Operation(summary = "Exchange on/off, retention and code lifetime of the event")
    public Response settings(@PathParam("slug") String slug) {
        Event event = Event.bySlugOr404(slug);
        return view(event, ExchangeSettings.of(event.id, config));
    }

    @PUT
    @Path("settings")
    @Transactional
    @Operation(summary = "Change the event's exchange settings",
            description = "Send the version you read (If-Match or \"version\"); a stale one is a 409.")
    public Response update(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SettingsView.Change change) {
        long expected = Versions.expected(ifMatch, change.version());
        Event event = Event.bySlugOr404(slug);
        // The defaults become a stored row at version 0 first, so two first saves race on one row like any others.
        entityManager.createNativeQuery("""
                insert into exchange_settings (event_id, retention_days) values (?1, ?2) on conflict (event_id) do nothing""")
                .setParameter(1, event.id).setParameter(2, config.retentionDays()).executeUpdate();
        ExchangeSettings settings = ExchangeSettings.findById(event.id);
        Versions.check(expected, settings.version, "The settings");
        settings.exchangeEnabled = change.exchangeEnabled();
        settings.retentionDays = change.retentionDays();
        settings.tokenLifetimeSeconds = change.tokenLifetimeSeconds();
        ExchangeSettings.flush();
        return view(event, settings);
    }

    @POST
    @Path("people/purge")
    @Transactional
    @Operation(summary = "Purge the event's profiles, codes and connections once its retention period is over",
            description = "Allowed from the end of the event plus the retention days (409 before, with purgeableFrom).")
    public SettingsView.Purged purge(@PathParam("slug") String slug) {
        Event event = Event.bySlugOr404(slug);
        Instant from = purgeableFrom(event, ExchangeSettings.of(event.id, config));
        if (Instant.now().isBefore(from)) {
            throw Problem.of(ProblemType.RETENTION_PERIOD_NOT_OVER,
                    "Profiles and connections of this event may be purged from " + from + ".").with("purgeableFrom", from);
        }
        long connections = delete("delete from connection where event_id = ?1", event);
        long tokens = delete("delete from exchange_token where event_id = ?1", event);
        delete("delete from exchange_idempotency where event_id = ?1", event);
        delete("delete from exchange_rate_limit where event_id = ?1", event);
        long profiles = delete("delete from profile where event_id = ?1", event);
        return new SettingsView.Purged(profiles, connections, tokens);
    }

    private long delete(String sql, Event event) {
        return entityManager.createNativeQuery(sql).setParameter(1, event.id).executeUpdate();
    }

    private Response view(Event event, ExchangeSettings settings) {
        var body = new SettingsView.Settings(settings.exchangeEnabled, settings.retentionDays,
                settings.tokenLifetime(config).toSeconds(), purgeableFrom(event, settings), settings.version);
        return Response.ok(body).header(HttpHeaders.ETAG, Versions.etag(settings.version)).build();
    }

    /** The end of the event's last day, in its own time zone, plus the retention days. */
    private static Instant purgeableFrom(Event event, ExchangeSettings settings) {
        return event.closesAt().plus(Duration.ofDays(settings.retentionDays));
    }
}
