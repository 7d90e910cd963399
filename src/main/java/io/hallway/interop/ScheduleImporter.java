package io.hallway.interop;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.audit.AuditAction;
import io.hallway.audit.AuditLog;
import io.hallway.audit.AuditResource;
import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.schedule.BlockLayout;
import io.hallway.schedule.Event;
import io.hallway.schedule.ScheduleChanges;
import io.hallway.schedule.ScheduleReleases;
import io.hallway.schedule.SessionEditor;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Reads an import document (sent, or fetched from its source URL) and applies it to an event in one
 * transaction with at most one new schedule revision. A dry run does all of it and rolls back, so the
 * plan it reports is exactly what a real run would do.
 */
@ApplicationScoped
class ScheduleImporter {

    @Inject
    ScheduleChanges changes;

    @Inject
    SessionEditor editor;

    @Inject
    BlockLayout layout;

    @Inject
    SourceFetcher fetcher;

    @Inject
    InteropConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    AuditLog audit;

    @Inject
    ScheduleReleases releases;

    /** Parses the body; a body that is just {"sourceUrl": ...} is replaced by the document fetched from there. */
    ImportDocument read(String slug, ImportSource source, byte[] body) {
        Event event = Event.bySlugOr404(slug);
        if (body.length > config.maxDocumentSize().asLongValue()) {
            throw SourceFetcher.tooLarge(config.maxDocumentSize().asLongValue());
        }
        JsonNode root = parse(body, "The body");
        if (root.isObject() && root.size() == 1 && root.has("sourceUrl")) {
            if (!root.get("sourceUrl").isTextual()) {
                throw Problem.invalid("sourceUrl", "must be a URL");
            }
            String url = root.get("sourceUrl").asText();
            root = parse(fetcher.fetch(url), "The document at " + url);
        }
        return switch (source) {
            case SESSIONIZE -> new SessionizeReader(event.zone(), BlockLayout.lightningLength(event)).read(root);
            case PRETALX -> new PretalxReader().read(root);
        };
    }

    @Transactional
    ImportReport apply(String slug, ImportSource source, ImportDocument document, boolean dryRun) {
        ScheduleChanges.Deferred deferred = changes.defer(slug);
        long versionBefore = deferred.event().scheduleVersion;
        ImportRun run = new ImportRun(deferred, changes, source);
        run.skipped.addAll(document.skipped());
        var leftRooms = run.settleRooms(document.rooms());
        var leftTracks = run.settleTracks(document.tracks());
        var leftSpeakers = run.settleSpeakers(document.speakers());
        new SessionImport(run, editor, layout).apply(document.sessions());
        run.removeLeftovers(leftRooms, leftTracks, leftSpeakers);
        if (run.changed.isEmpty()) {
            // Items the rules refused again (a double-booked speaker at the source) must not bump the version.
            deferred.discardUnused();
        }
        ScheduleReleases.Pending nextRelease = releases.pending(deferred.event()).orElse(null);
        if (dryRun) {
            QuarkusTransaction.setRollbackOnly();
            return run.report(true, versionBefore, nextRelease);
        }
        ImportReport report = run.report(false, deferred.event().scheduleVersion, nextRelease);
        // One entry for the whole run, with its counts: the schedule version is the version of what it changed.
        audit.record(deferred.event().id, AuditAction.IMPORT, AuditResource.SCHEDULE, null, versionBefore,
                report.scheduleVersion(), new ImportCounts(report));
        return report;
    }

    /** What the audit log keeps of an import: its source and counts, not the items. */
    record ImportCounts(String source, int created, int updated, int unchanged, int removed, int skipped) {
        ImportCounts(ImportReport report) {
            this(report.source(), report.created(), report.updated(), report.unchanged(), report.removed(),
                    report.skippedCount());
        }
    }

    private JsonNode parse(byte[] bytes, String what) {
        try {
            JsonNode root = json.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw Problem.of(ProblemType.UNREADABLE_SCHEDULE_DOCUMENT, what + " is empty.");
            }
            return root;
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            Problem problem = Problem.of(ProblemType.UNREADABLE_SCHEDULE_DOCUMENT, what + " is not valid JSON"
                    + (location == null ? "." : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")."));
            return location == null ? throwing(problem)
                    : throwing(problem.with("line", location.getLineNr()).with("column", location.getColumnNr()));
        } catch (IOException e) {
            throw Problem.of(ProblemType.UNREADABLE_SCHEDULE_DOCUMENT, what + " could not be read.");
        }
    }

    private static JsonNode throwing(Problem problem) {
        throw problem;
    }
}
