package io.hallway.exchange;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.audit.AuditAction;
import io.hallway.audit.AuditLog;
import io.hallway.audit.AuditResource;
import io.hallway.common.Versions;
import io.hallway.schedule.Event;
import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;

/**
 * Organizer switches for profiles and the exchange. Organizers never read anyone's connections or notes.
 * The purge of an event's personal data is people's (POST .../people/purge, {@code PurgeAdminResource}).
 */
@Path("/api/admin/events/{slug}")
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@RequiresEventRole(EventRole.EDITOR)
@Tag(name = "Admin: people")
public class ExchangeSettingsAdminResource {

    @Inject
    ExchangeConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    AuditLog audit;

    @GET
    @Path("settings")
    @Operation(operationId = "adminGetExchangeSettings", summary = "Exchange on/off, retention and code lifetime of the event", description = "The defaults until first changed. The ETag is the settings' version; purgeableFrom says from when adminPurgePeople may run.")
    public Response settings(@PathParam("slug") String slug) {
        Event event = Event.bySlugOr404(slug);
        return view(event, ExchangeSettings.of(event.id, config));
    }

    @PUT
    @Path("settings")
    @Transactional
    @Operation(operationId = "adminUpdateExchangeSettings", summary = "Change the event's exchange settings", description = "Send the version you read (If-Match or \"version\"): none is a 428, a stale one a 409.")
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
        long versionBefore = settings.version;
        settings.exchangeEnabled = change.exchangeEnabled();
        settings.retentionDays = change.retentionDays();
        settings.tokenLifetimeSeconds = change.tokenLifetimeSeconds();
        ExchangeSettings.flush();
        audit.record(event.id, AuditAction.UPDATE, AuditResource.SETTINGS, null, versionBefore, settings.version);
        return view(event, settings);
    }

    private Response view(Event event, ExchangeSettings settings) {
        var body = new SettingsView.Settings(settings.exchangeEnabled, settings.retentionDays,
                settings.tokenLifetime(config).toSeconds(), Retention.purgeableFrom(event, settings), settings.version);
        return Versions.tagged(body, settings.version);
    }
}
