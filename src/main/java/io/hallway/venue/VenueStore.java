package io.hallway.venue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.audit.AuditAction;
import io.hallway.audit.AuditLog;
import io.hallway.audit.AuditResource;
import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Versions;

/**
 * The venue table, in plain JDBC: the document is one jsonb value read and written whole, and the
 * background refresh of {@link VenueGraphs} runs outside any request, where JDBC needs no ORM session.
 * Connections join the caller's JTA transaction when there is one.
 */
@ApplicationScoped
class VenueStore {

    /** A stored venue with the event it belongs to. */
    record Stored(long eventId, String slug, boolean published, long version, VenueDocument document) {
    }

    /** What the refresh compares against its cache, without reading documents. */
    record Stamp(long eventId, String slug, boolean published, long version) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Inject
    AuditLog audit;

    Optional<Stored> load(long eventId) {
        return query("""
                select v.event_id, e.slug, e.published, v.version, v.document::text
                from venue v join event e on e.id = v.event_id where v.event_id = ?""", eventId);
    }

    Optional<Stored> loadBySlug(String slug) {
        return query("""
                select v.event_id, e.slug, e.published, v.version, v.document::text
                from venue v join event e on e.id = v.event_id where e.slug = ?""", slug);
    }

    List<Stamp> stamps() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        select v.event_id, e.slug, e.published, v.version from venue v join event e on e.id = v.event_id""");
                ResultSet rows = statement.executeQuery()) {
            List<Stamp> stamps = new ArrayList<>();
            while (rows.next()) {
                stamps.add(new Stamp(rows.getLong(1), rows.getString(2), rows.getBoolean(3), rows.getLong(4)));
            }
            return stamps;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading venue versions failed", e);
        }
    }

    /**
     * Stores a whole venue: the first upload creates it, later ones must name the version they replace.
     * Returns the new version.
     */
    @Transactional
    long save(long eventId, Long expectedVersion, VenueDocument venue) {
        String json = json(venue.withVersion(null));
        if (expectedVersion == null) {
            List<Long> created = update("""
                    insert into venue (event_id, document) values (?, ?::jsonb)
                    on conflict (event_id) do nothing returning version""", eventId, json);
            if (created.isEmpty()) {
                throw Problem.of(ProblemType.VERSION_REQUIRED, "This event already has a venue; send the version you "
                        + "are replacing, as an If-Match header or a \"version\" field.");
            }
            audit.record(eventId, AuditAction.CREATE, AuditResource.VENUE, null, null, created.get(0));
            return created.get(0);
        }
        List<Long> updated = update("""
                update venue set document = ?::jsonb, version = version + 1, updated_at = now()
                where event_id = ? and version = ? returning version""", json, eventId, expectedVersion);
        if (updated.isEmpty()) {
            long actual = load(eventId).orElseThrow(() -> Problem.notFound("This event has no venue yet.")).version();
            Versions.check(expectedVersion, actual, "The venue");
            throw Problem.of(ProblemType.STALE_VERSION, "The venue changed while it was being saved; fetch it again.");
        }
        audit.record(eventId, AuditAction.UPDATE, AuditResource.VENUE, null, expectedVersion, updated.get(0));
        return updated.get(0);
    }

    /**
     * Changes the stored document under a row lock, so concurrent edits of single edges never get lost;
     * {@code details} says what changed, for the audit log.
     */
    @Transactional
    Stored change(long eventId, Long expectedVersion, Object details, UnaryOperator<VenueDocument> change) {
        Stored current = query("""
                select v.event_id, e.slug, e.published, v.version, v.document::text
                from venue v join event e on e.id = v.event_id where v.event_id = ? for update of v""", eventId)
                .orElseThrow(() -> Problem.notFound("This event has no venue yet."));
        if (expectedVersion != null) {
            Versions.check(expectedVersion, current.version(), "The venue");
        }
        VenueDocument changed = change.apply(current.document());
        long version = update("""
                update venue set document = ?::jsonb, version = version + 1, updated_at = now()
                where event_id = ? returning version""", json(changed), eventId).get(0);
        audit.record(eventId, AuditAction.UPDATE, AuditResource.VENUE, null, current.version(), version, details);
        return new Stored(eventId, current.slug(), current.published(), version, changed);
    }

    private Optional<Stored> query(String sql, Object key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Stored(rows.getLong(1), rows.getString(2), rows.getBoolean(3), rows.getLong(4),
                        mapper.readValue(rows.getString(5), VenueDocument.class)));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Reading the venue of " + key + " failed", e);
        }
    }

    private List<Long> update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Long> versions = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    versions.add(rows.getLong(1));
                }
            }
            return versions;
        } catch (SQLException e) {
            throw new IllegalStateException("Writing the venue failed", e);
        }
    }

    private String json(VenueDocument venue) {
        try {
            return mapper.writeValueAsString(venue);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A venue could not be written as JSON", e);
        }
    }
}
